using SecureOta.Device.Core.Boot;

namespace SecureOta.Device.Simulation;

/// <summary>
/// Turns the update client's progress callbacks into readable lines: one per phase reached, and the
/// download at every quarter (so a 1.5 MiB image prints five lines, not four hundred).
/// </summary>
internal sealed class ProgressPrinter
{
    private const int Steps = 4;

    private readonly Action<string> _say;
    private int _lastStep;

    public ProgressPrinter(Action<string> say) => _say = say;

    public void OnProgress(UpdatePhase phase, int recordsDone, int recordCount)
    {
        if (phase == UpdatePhase.Downloading && recordCount > 0)
        {
            int step = (int)((long)recordsDone * Steps / recordCount);
            if (step == _lastStep) return;
            _lastStep = step;
            _say($"  download: {recordsDone}/{recordCount} records ({recordsDone * 100L / recordCount}%), each verified before it is decrypted and written");
            return;
        }
        // A download's first line comes at 25%: the phase line already said it started.
        _lastStep = 0;
        string? line = phase switch
        {
            UpdatePhase.ManifestFetched => "  manifest: a new release, verified (signatures, sequence, expiry, security version)",
            UpdatePhase.Verified => "  key: the content key unwrapped with this device's key and checked",
            UpdatePhase.Downloading => "  download: streaming the encrypted image into the inactive slot",
            UpdatePhase.Staged => "  staged: the slot reads back with the signed length and image digest",
            UpdatePhase.TrialPending => "  trial: boot of the new image scheduled; rebooting",
            UpdatePhase.Idle => "  skipped: this release is not for this device; its sequence is stored so it is not fetched again",
            _ => null,
        };
        if (line is not null) _say(line);
    }
}
