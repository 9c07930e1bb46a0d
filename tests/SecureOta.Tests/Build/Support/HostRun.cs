using SecureOta.Build.Frosting;

namespace SecureOta.Tests.Build.Support;

/// <summary>Runs a <see cref="BuildHost{TContext}"/> over test tasks and keeps what it printed and did.</summary>
internal sealed class HostRun
{
    private HostRun()
    {
    }

    public int ExitCode { get; private set; }

    public TestConsoles Consoles { get; } = new();

    public RecordingContext? Context { get; private set; }

    public int ContextsCreated { get; private set; }

    public IReadOnlyList<string> Events => Context?.Events ?? [];

    public static HostRun Execute(Type[] tasks, params string[] args)
    {
        var run = new HostRun();
        var host = new BuildHost<RecordingContext>(hostContext =>
            {
                run.ContextsCreated++;
                run.Context = new RecordingContext(hostContext);
                return run.Context;
            })
            .UseTasks(tasks)
            .UseConsole(run.Consoles.Output, run.Consoles.Error)
            .UseEnvironment(TestEnvironments.Create(Path.GetTempPath()));
        run.ExitCode = host.Run(args);
        return run;
    }
}
