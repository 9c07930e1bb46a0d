using System.Net.Sockets;
using System.Text.RegularExpressions;
using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.EndToEnd;

/// <summary>The Demo target, run in-process exactly as ./build.sh --target=Demo runs it (into temp folders).</summary>
public sealed partial class DemoTargetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [GeneratedRegex(@"at https://127\.0\.0\.1:(\d+)/ota/v2/ over HTTPS")]
    private static partial Regex ServedAt();

    [GeneratedRegex(@"update: 1\.2\.0 came as the ([\d,]+)-byte delta patch from 1\.0\.0 instead of the ([\d,]+)-byte full image: ([\d,]+) bytes \([\d.]+ %\) saved\.")]
    private static partial Regex SavedLine();

    [Fact]
    public void Demo_target_updates_a_simulated_device_confirms_then_shows_a_revert_and_stops_its_server()
    {
        var run = PipelineRun.Execute(["--target=Demo", $"--site-dir={_temp.Combine("site")}", $"--demo-keys-dir={_temp.Combine("demo-keys")}"])
            .AssertSucceeded();

        string output = run.Consoles.OutputText;
        Assert.Contains("on trial (boot 1 of 3)", output, StringComparison.Ordinal);
        Assert.Contains("health check passed; confirmed", output, StringComparison.Ordinal);
        Assert.Contains("reverted: the image in slot B did not confirm within 3 boots", output, StringComparison.Ordinal);
        Assert.Contains("reboot: requested by the update client", output, StringComparison.Ordinal);
        Assert.Matches(@"patch: the running image is the base of a [\d,]+-byte delta from 1\.0\.0", output);
        Assert.Matches(@"download: (\d+)/\1 records \(100%\), each verified before it is decrypted and applied", output);
        // The summary shows the bytes the patch saved against the full image.
        var saved = SavedLine().Match(output);
        Assert.True(saved.Success, output);
        long patch = long.Parse(saved.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        long full = long.Parse(saved.Groups[2].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(full - patch, long.Parse(saved.Groups[3].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(patch < full / 10, saved.Value);
        Assert.Matches(@"update +1\.0\.0 -> 1\.2\.0, confirmed", output);
        Assert.Matches(@"revert +1\.0\.0 -> 1\.2\.0 -> reverted to 1\.0\.0", output);
        int port = int.Parse(ServedAt().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        using var client = new TcpClient();
        Assert.ThrowsAny<SocketException>(() => client.Connect(System.Net.IPAddress.Loopback, port));
    }

    [Fact]
    public void Demo_target_refuses_to_run_with_a_release_key()
    {
        var keys = TestKeysFolder.Create(_temp.Combine("real"), PipelineFixture.Now);

        var run = PipelineRun.Execute(["--target=Demo", $"--now={PipelineFixture.NowSeconds}", $"--site-dir={_temp.Combine("site")}",
            .. keys.BuildArguments, $"--demo-keys-dir={_temp.Combine("demo-keys")}"]);

        run.AssertOneError(BuildErrorCode.DemoFailed, "DEMO keys only");
        Assert.False(Directory.Exists(_temp.Combine("demo-keys")), "a build with a release key made DEMO or TEST CA files");
    }
}
