using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Gate;
using Spectre.Console;

namespace SecureOta.Build.Demo.Fleet;

/// <summary>
/// Runs the real build program in-process on the demo's workspace, as CI would: a tag deploy (the release
/// workflow: no gate) or a scheduled refresh (<c>--rollout-gate</c> with the in-process collector's summary),
/// each with <c>--live-site</c> = the site deployed before. DEMO keys only: the environment it passes holds no
/// SECUREOTA_ secret but the collector's read token. Its output is kept; the gate's lines are returned.
/// </summary>
internal sealed class FleetBuild
{
    private readonly BuildContext _outer;
    private readonly FleetDemoWorkspace _workspace;
    private readonly string _token;
    private int _deploys;

    public FleetBuild(BuildContext outer, FleetDemoWorkspace workspace, string token)
    {
        _outer = outer;
        _workspace = workspace;
        _token = token;
    }

    /// <summary>The site deployed last ("the live site"), or null before the first deploy.</summary>
    public string? LiveSite { get; private set; }

    /// <summary>The context of the last build (its keys, root and signed channels).</summary>
    public BuildContext? Last { get; private set; }

    /// <summary>A tag deploy: channels.json as written.</summary>
    public IReadOnlyList<string> Deploy() => Run(gate: null);

    /// <summary>A scheduled refresh: the gate reads the collector at <paramref name="collector"/>.</summary>
    public IReadOnlyList<string> Refresh(Uri collector) => Run(collector);

    private IReadOnlyList<string> Run(Uri? gate)
    {
        var site = Path.Combine(_workspace.Root, "deploys", (++_deploys).ToString("00", System.Globalization.CultureInfo.InvariantCulture), "site");
        var args = new List<string>
        {
            "--target=Default", $"--releases-dir={_workspace.ReleasesDir}", $"--keys-dir={_workspace.KeysDir}", $"--site-dir={site}",
            $"--demo-keys-dir={_workspace.DemoKeysDir}", $"--root={_outer.Paths.RootDir}",
        };
        if (LiveSite is not null) args.Add($"--live-site={Path.Combine(LiveSite, "ota", "v2")}");
        if (gate is not null)
        {
            args.Add("--rollout-gate");
            args.Add($"--{CollectorSummarySource.Argument}={gate}");
        }

        var output = new StringWriter();
        BuildContext? context = null;
        var exit = new BuildHost<BuildContext>(host => context = new BuildContext(host))
            .UseConsole(Console(output), Console(output))
            .UseEnvironment(Environment())
            .Run(args);
        var text = output.ToString();
        if (exit != 0)
        {
            throw new BuildException(BuildErrorCode.DemoFailed, $"The fleet demo's {(gate is null ? "deploy" : "refresh")} build failed (exit code {exit}):\n{text}",
                "Read the build's output above; the demo builds its own workspace with DEMO keys.");
        }

        LiveSite = site;
        Last = context;
        return text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Contains("Rollout gate: ", StringComparison.Ordinal))
            .Select(l => l[l.IndexOf("Rollout gate: ", StringComparison.Ordinal)..]).ToList();
    }

    private BuildEnvironment Environment()
    {
        var outer = _outer.Environment;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { [CollectorSummarySource.TokenVariable] = _token, ["NO_COLOR"] = "1" };
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT", "TMPDIR" })
        {
            if (outer.GetEnvironmentVariable(name) is { } value) variables[name] = value;
        }
        return new BuildEnvironment(outer.WorkingDirectory, outer.ApplicationDirectory, variables, outer.Clock);
    }

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        // Kept for reading, not shown on a terminal: one log line stays one line.
        console.Profile.Width = 4000;
        return console;
    }
}
