using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using SecureOta.Build.Crypto;
using SecureOta.Build.Keys;
using SecureOta.Build.LocalServer;
using SecureOta.Device.Simulation;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Pipeline;
using SecureOta.Tests.Support;

namespace SecureOta.Tests.EndToEnd;

/// <summary>
/// Staging a real-keys release locally, as docs/OPERATIONS.md describes it: the Serve target serves the
/// built site over HTTPS with a TEST CA, and the simulator reaches it only with --extra-ca, trusted for
/// that run alone, since the real root pins only the public CAs.
/// </summary>
public sealed class ServeTargetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_simulated_device_takes_a_real_keys_release_from_the_Serve_target_with_extra_ca_and_is_refused_without_it()
    {
        var now = DateTimeOffset.UtcNow;
        var keys = TestKeysFolder.Create(_temp.Combine("repo"), now);
        var devicePrivate = RandomNumberGenerator.GetBytes(32);
        using (var pair = X25519KeyPair.FromPrivateKey(devicePrivate))
        {
            File.WriteAllText(Path.Combine(keys.KeysDir, RecipientRegistry.FileName),
                $$"""{"recipients": [{"name": "bench-board", "kind": "device", "publicKey": "{{Convert.ToHexStringLower(pair.PublicKey)}}"}]}""");
        }
        var deviceKey = _temp.Combine("bench-board.key");
        KeyFile.Write(deviceKey, devicePrivate, ["test device key"]);
        var site = _temp.Combine("site");
        var demoKeys = _temp.Combine("demo-keys");
        PipelineRun.Execute(["--target=Release", $"--site-dir={site}", .. keys.BuildArguments, $"--now={now.ToUnixTimeSeconds()}"]).AssertSucceeded();
        var before = SiteSnapshot.Take(site);
        int port = FreePort();

        var serve = Task.Run(() => PipelineRun.Execute(["--target=Serve", $"--site-dir={site}", $"--port={port}", "--seconds=20", $"--demo-keys-dir={demoKeys}"]));
        var url = $"https://127.0.0.1:{port}/ota/v2/";
        var testCa = Path.Combine(demoKeys, DemoKeyStore.TestCertificateAuthorityFolder, TestCertificateAuthority.RootCertificateFile);
        await WaitForListenerAsync(port, serve);
        string[] device(string state) =>
            ["--site", url, "--ca", Path.Combine(keys.KeysDir, "tls-anchors", "ISRG_Root_X1.pem"), "--state-dir", _temp.Combine(state),
             "--root", Path.Combine(keys.KeysDir, "root", "1.json"), "--image", TestReleases.ImagePath("1.0.0"), "--security-version", "1",
             "--device-key", deviceKey, "--polls", "1"];

        var refused = SimulatorRun.Execute(device("refused"));
        var staged = SimulatorRun.Execute([.. device("staged"), "--extra-ca", testCa]);
        var served = await serve;

        served.AssertSucceeded();
        Assert.Contains($"Serving {site} at {url}", served.Consoles.OutputText, StringComparison.Ordinal);
        Assert.Contains($"TEST CA: {testCa}", served.Consoles.OutputText, StringComparison.Ordinal);
        Assert.NotEqual((int)SimulatorExitCode.Success, refused.ExitCode);
        Assert.Contains("TLS", refused.AllText, StringComparison.Ordinal);
        Assert.True(staged.ExitCode == (int)SimulatorExitCode.Success, staged.AllText);
        Assert.Contains("--extra-ca for this run only", staged.Output, StringComparison.Ordinal);
        Assert.Contains("release 1.2.0", staged.Output, StringComparison.Ordinal);
        SiteSnapshot.AssertSame(before, SiteSnapshot.Take(site));
    }

    [Fact]
    public void Serve_without_a_built_site_says_to_build_one()
    {
        var run = PipelineRun.Execute(["--target=Serve", $"--site-dir={_temp.Combine("nothing")}", "--seconds=1", $"--demo-keys-dir={_temp.Combine("demo-keys")}"]);

        run.AssertOneError(SecureOta.Build.Frosting.BuildErrorCode.VerificationFailed, "There is no site to serve", "Build one first");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForListenerAsync(int port, Task serve)
    {
        for (int i = 0; i < 200 && !serve.IsCompleted; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        Assert.Fail(serve.IsCompleted ? $"Serve ended early:\n{(await (Task<PipelineRun>)serve).Consoles.AllText}" : "Serve did not listen within 10 s");
    }
}
