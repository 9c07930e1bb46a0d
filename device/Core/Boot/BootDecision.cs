namespace SecureOta.Device.Core.Boot
{
    /// <summary>The boot manager's decision: what to run, from which slot, and why when something went wrong.</summary>
    public sealed class BootDecision
    {
        internal BootDecision(BootOutcome outcome, SlotId slot, long imageLength, string problem)
        {
            Outcome = outcome;
            Slot = slot;
            ImageLength = imageLength;
            Problem = problem;
        }

        public BootOutcome Outcome { get; private set; }

        /// <summary>The slot to load, or <see cref="SlotId.None"/> when nothing may run.</summary>
        public SlotId Slot { get; private set; }

        /// <summary>Length of the image in <see cref="Slot"/> (checked against its digest this boot), 0 when none.</summary>
        public long ImageLength { get; private set; }

        /// <summary>What went wrong on the way to this decision (a revert's reason, a damaged slot, a failed write), or null.</summary>
        public string Problem { get; private set; }

        /// <summary>True when the loader has an image to run.</summary>
        public bool ShouldRun
        {
            get { return Slot != SlotId.None; }
        }
    }
}
