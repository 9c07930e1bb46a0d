using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureOta.Tests.Fleet.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.Fleet;

/// <summary>
/// The dashboard's "How to verify a release by hand" steps, taken from the page itself and run in bash
/// with curl, jq, xxd, OpenSSL and sha256sum, against a built site: they verify the real manifest's
/// signature and blob, and they catch a manifest whose payload was changed after signing.
/// </summary>
public sealed partial class VerifyByHandTests : IDisposable
{
    private readonly FleetWorkspace _workspace = new();

    /// <summary>What the steps on the page call; the README lists them as prerequisites of the tests.</summary>
    public static readonly string[] Tools = ["bash", "curl", "jq", "xxd", "openssl", "sha256sum"];

    public VerifyByHandTests()
    {
        CommandLineTools.Require(nameof(VerifyByHandTests), Tools);
        _workspace.Run().AssertSucceeded();
    }

    [Fact]
    public void The_steps_on_the_dashboard_verify_the_published_manifest_and_blob()
    {
        var (exit, output) = RunSteps();

        Assert.True(exit == 0, output);
        Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);
        var artifact = SiteFiles.Manifest(_workspace.SiteDir, "beta").GetProperty("release").GetProperty("artifacts")[0];
        var sha256 = artifact.GetProperty("sha256").GetString();
        Assert.Contains($"{sha256}  blob.bin", output, StringComparison.Ordinal);
        Assert.Contains($"{sha256} {artifact.GetProperty("size").GetInt32()}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_steps_on_the_dashboard_catch_a_payload_changed_after_signing()
    {
        var manifestPath = SiteFiles.Ota(_workspace.SiteDir, "channels", "beta.json");
        var envelope = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(envelope["payload"]!.GetValue<string>()));
        envelope["payload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.Replace("\"percent\":100", "\"percent\":99", StringComparison.Ordinal)));
        File.WriteAllText(manifestPath, envelope.ToJsonString());

        var (exit, output) = RunSteps();

        Assert.NotEqual(0, exit);
        Assert.Contains("Signature Verification Failure", output, StringComparison.Ordinal);
    }

    /// <summary>Runs every &lt;pre&gt; block of the page's #verify section in one bash script, with the release public key filled in.</summary>
    private (int Exit, string Output) RunSteps()
    {
        var html = File.ReadAllText(Path.Combine(_workspace.SiteDir, "index.html"));
        var section = html[html.IndexOf("<section id=\"verify\">", StringComparison.Ordinal)..];
        var steps = PreBlock().Matches(section).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(4, steps.Count);
        var publicKey = PublicKey().Match(html).Groups[1].Value;
        var script = "set -euo pipefail\nSITE='" + new Uri(_workspace.SiteDir).AbsoluteUri + "'\n"
            + string.Join("\n", steps).Replace("key=<release public key, 64 hex>", "key=" + publicKey, StringComparison.Ordinal) + "\n";

        var work = Directory.CreateDirectory(Path.Combine(_workspace.Root, "by-hand-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        var start = new ProcessStartInfo("bash", ["-c", script]) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [GeneratedRegex("<pre>(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex PreBlock();

    [GeneratedRegex("public key <code>([0-9a-f]{64})</code>")]
    private static partial Regex PublicKey();

    public void Dispose() => _workspace.Dispose();
}
