using System.Globalization;
using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Build.LocalServer;
using SecureOta.Build.Site;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Serves a built site (any: DEMO or real keys) over HTTPS on 127.0.0.1, as GitHub Pages serves it
/// (byte ranges, ETag, 304 Not Modified), with the local TEST CA in the DEMO keys folder (made when
/// missing). It builds nothing and changes nothing in the site. A real root never pins the TEST CA, so a
/// simulated device reaches a real-keys site only with <c>--extra-ca=&lt;the printed CA&gt;</c>, trusted
/// for that one run: the way to watch a device take a staged release before tagging it.
/// </summary>
[TaskName("Serve")]
[TaskDescription("Serves a built site over local HTTPS with a TEST CA (Range, ETag, 304 as Pages does) until Ctrl+C (--site-dir, --port=<n> default any free port, --seconds=<n> to stop by itself); prints the URL and the TEST CA file for the simulator's --extra-ca.")]
public sealed class ServeTask : FrostingTask<BuildContext>
{
    public const string PortArgument = "port";
    public const string SecondsArgument = "seconds";

    public override void Run(BuildContext context)
    {
        var paths = context.Paths;
        int port = ReadNumber(context, PortArgument, 0, 65535) ?? 0;
        int? seconds = ReadNumber(context, SecondsArgument, 1, int.MaxValue);
        if (!Directory.Exists(Path.Combine(paths.SiteDir, SiteLayout.OtaBase)))
        {
            throw new BuildException(BuildErrorCode.VerificationFailed, $"There is no site to serve in {paths.Display(paths.SiteDir)} (no {SiteLayout.OtaBase}).",
                "Build one first (./build.sh, or --target=Release with real keys), or point --site-dir at a built site.");
        }

        var store = new DemoKeyStore(paths.DemoKeysDir);
        store.EnsureTestCertificateAuthority(out bool created);
        var caFile = Path.Combine(store.TestCertificateAuthorityDir, TestCertificateAuthority.RootCertificateFile);
        if (created) context.Log.Warning("Generated a TEST CA in {0} for the local HTTPS server. Never trust it outside a local test.", paths.Display(store.TestCertificateAuthorityDir));
        using var authority = TestCertificateAuthority.Load(store.TestCertificateAuthorityDir);

        LocalSiteServer server;
        try
        {
            server = LocalSiteServer.StartHttpsAsync(paths.SiteDir, authority.ServerCertificate, port).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"Cannot listen on 127.0.0.1:{port}: {e.Message}",
                "Choose another --port, or leave it out for any free port.", e);
        }

        using (server)
        {
            var site = server.UrlFor(SiteLayout.OtaBase);
            context.Log.Information("Serving {0} at {1}", paths.Display(paths.SiteDir), site);
            context.Log.Information("TEST CA: {0}", caFile);
            context.Log.Information("Try it: dotnet run --project device/Simulator -- --site {0} --ca {1} --extra-ca {1} --root <keys/root/1.json> --state-dir <dir> --image <image>",
                site, caFile);
            context.Log.Information(seconds is null ? "Press Ctrl+C to stop." : $"Stopping after {seconds} seconds.");
            Wait(seconds);
            context.Log.Information("Served {0} request(s); stopped.", server.Requests.Count);
        }
    }

    private static void Wait(int? seconds)
    {
        using var stop = new ManualResetEventSlim();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Stop serving, not the process: the summary and exit code still follow.
            e.Cancel = true;
            stop.Set();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            if (seconds is null) stop.Wait();
            else stop.Wait(TimeSpan.FromSeconds(seconds.Value));
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static int? ReadNumber(BuildContext context, string name, int min, int max)
    {
        var text = context.GetArgument(name);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max) return value;
        throw new BuildException(BuildErrorCode.InvalidArgument, $"--{name}={text} is not a whole number from {min} to {max}.",
            $"Give --{name} a number from {min} to {max}.");
    }
}
