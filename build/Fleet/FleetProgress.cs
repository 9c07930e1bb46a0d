using SecureOta.Build.Frosting;
using Spectre.Console;

namespace SecureOta.Build.Fleet;

/// <summary>
/// A Spectre.Console progress bar for a step that waits on the network, so a slow site shows what it
/// is waiting for. Shown on an interactive terminal at normal verbosity and above; elsewhere (CI logs,
/// redirected output) each step is a verbose log line instead, since a bar cannot redraw there.
/// </summary>
public static class FleetProgress
{
    /// <summary>Runs <paramref name="work"/>, which calls its argument with a description as each of <paramref name="steps"/> steps starts.</summary>
    public static T Run<T>(BuildLog log, string title, int steps, Func<Action<string>, T> work)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(work);
        var capabilities = log.Output.Profile.Capabilities;
        if (!log.IsEnabled(LogLevel.Information) || !capabilities.Interactive || !capabilities.Ansi)
        {
            return work(description => log.Verbose("  {0}: {1}", title, description));
        }

        return log.Output.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Markup.Escape(title), maxValue: Math.Max(1, steps));
                bool started = false;
                var result = work(description =>
                {
                    if (started) task.Increment(1);
                    started = true;
                    task.Description = Markup.Escape($"{title}: {description}");
                });
                task.Description = Markup.Escape(title);
                task.Value = task.MaxValue;
                return result;
            });
    }
}
