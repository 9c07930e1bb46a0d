using System;
using System.IO;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Reports;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// The loader's logic, run on every boot before any application code: decides which slot runs
    /// from the boot state, counts trial boots (writing the count BEFORE the trial runs, so a crash
    /// loop still uses up its attempts), reverts a trial that did not confirm within
    /// <see cref="MaxTrialBoots"/> boots (recording its image digest as rejected, so the update client never
    /// fetches that image again), and checks every slot against its recorded length and
    /// image digest before choosing it. The application calls <see cref="Confirm"/> once its health
    /// check passes. Each call loads the state afresh, so loader and application can use separate
    /// instances over the same storage.
    /// </summary>
    public sealed class BootManager
    {
        /// <summary>Boots a trial image gets to confirm when the caller does not choose.</summary>
        public const int DefaultMaxTrialBoots = 3;

        private readonly BootStateStore _store;
        private readonly ISlotStore _slots;
        private readonly SlotImageVerifier _verifier;
        private readonly BootState _state = new BootState();
        private readonly int _maxTrialBoots;
        private readonly ReportOutcomes _reports;

        public BootManager(IFileStore files, IHmacSha256 hmac, ISlotStore slots, int maxTrialBoots)
        {
            if (files == null) throw new ArgumentNullException("files");
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (slots == null) throw new ArgumentNullException("slots");
            if (maxTrialBoots < 1 || maxTrialBoots > 255) throw new ArgumentOutOfRangeException("maxTrialBoots");
            _store = new BootStateStore(files, hmac);
            _slots = slots;
            _verifier = new SlotImageVerifier(hmac, new byte[ArtifactLayout.ChunkSize]);
            _maxTrialBoots = maxTrialBoots;
            _reports = new ReportOutcomes(files, hmac);
        }

        /// <summary>Boots a trial image gets before it is reverted.</summary>
        public int MaxTrialBoots { get { return _maxTrialBoots; } }

        /// <summary>The boot state as last loaded or written by this instance (read it, do not change it).</summary>
        public BootState State { get { return _state; } }

        /// <summary>Decides what runs on this boot and records it. Storage failures never make it run an unchecked or uncounted image.</summary>
        public BootDecision Boot()
        {
            if (_store.Load(_state) == BootStateSource.None)
                return new BootDecision(BootOutcome.NotProvisioned, SlotId.None, 0, "no boot state and no factory state; provision the device.");

            string problem = null;
            bool reverted = false;
            bool keepTrialImage = false;
            if (_state.IsTrialInProgress)
            {
                SlotId trial = _state.TrialSlot;
                if (_state.BootAttempts >= _maxTrialBoots)
                {
                    SlotId fallback = _state.ActiveSlot;
                    string fallbackProblem;
                    reverted = true;
                    if (_verifier.TryVerify(_slots, fallback, _state.Image(fallback), out fallbackProblem))
                    {
                        problem = "the image in slot " + SlotImageVerifier.Name(trial) + " did not confirm within " + _maxTrialBoots +
                            " boots; it was reverted and its release is not installed again.";
                        // The image ran and failed: its release is bad for this device, whatever sequence re-signs it.
                        _state.RejectImage(_state.Image(trial).Digest);
                    }
                    else
                    {
                        // Reverting would drop the only good image for a damaged one, and the failed confirmations may be
                        // the damaged fallback's doing: keep the trial image, unrejected, and let RunActive fall back to it.
                        problem = "the image in slot " + SlotImageVerifier.Name(trial) + " did not confirm within " + _maxTrialBoots +
                            " boots, but the image to revert to failed its check (" + fallbackProblem + "); the trial image is kept " +
                            "and its release is not marked rejected.";
                        keepTrialImage = true;
                    }
                }
                else if (!_verifier.TryVerify(_slots, trial, _state.Image(trial), out problem))
                {
                    // Not recorded as rejected: the image never ran, the slot's bytes were damaged, so a fresh copy may work.
                    problem = "the trial image failed its check (" + problem + "); it was reverted.";
                    reverted = true;
                }
                else
                {
                    BootDecision decision = CountTrialBoot(trial, out problem);
                    if (decision != null) return decision;
                }
                if (reverted)
                {
                    _reports.Reverted(trial, _state.Image(trial).Digest, _state.ActiveSlot, _state.Image(_state.ActiveSlot).Digest, problem);
                    problem = Revert(trial, problem, keepTrialImage);
                }
            }
            return RunActive(reverted, problem);
        }

        /// <summary>
        /// Called by the application once its health check passes on a trial boot: the trial slot becomes
        /// the active, confirmed slot and its security version the installed one.
        /// </summary>
        public ConfirmOutcome Confirm()
        {
            if (_store.Load(_state) == BootStateSource.None) return ConfirmOutcome.NotProvisioned;
            if (_state.Phase != UpdatePhase.Trial) return ConfirmOutcome.NothingToConfirm;
            SlotId trial = _state.TrialSlot;
            long securityVersion = _state.Image(trial).SecurityVersion;
            _state.MoveTo(UpdatePhase.Confirmed);
            _state.ActiveSlot = trial;
            _state.TrialSlot = SlotId.None;
            _state.BootAttempts = 0;
            _state.Confirmed = true;
            if (securityVersion > _state.InstalledSecurityVersion) _state.InstalledSecurityVersion = securityVersion;
            _state.ClearResume();
            try
            {
                _store.Save(_state);
            }
            catch (IOException)
            {
                return ConfirmOutcome.StorageFailed;
            }
            _reports.Confirmed(trial, _state.Image(trial).Digest);
            return ConfirmOutcome.Confirmed;
        }

        /// <summary>Writes the incremented attempt count; returns the RunTrial decision, or null (run the active image) when it cannot be written.</summary>
        private BootDecision CountTrialBoot(SlotId trial, out string problem)
        {
            problem = null;
            _state.MoveTo(UpdatePhase.Trial);
            _state.BootAttempts = _state.BootAttempts + 1;
            try
            {
                _store.Save(_state);
            }
            catch (IOException e)
            {
                // An uncounted trial boot could crash-loop for ever: run the confirmed image instead.
                problem = "the trial boot could not be counted (" + e.Message + "); running the confirmed image.";
                return null;
            }
            return new BootDecision(BootOutcome.RunTrial, trial, _state.Image(trial).Length, null);
        }

        private string Revert(SlotId trial, string reason, bool keepImage)
        {
            _state.MoveTo(UpdatePhase.Reverted);
            _state.TrialSlot = SlotId.None;
            _state.BootAttempts = 0;
            _state.Confirmed = true;
            if (!keepImage) _state.Image(trial).Clear();
            try
            {
                _store.Save(_state);
            }
            catch (IOException e)
            {
                return reason + " The revert could not be written (" + e.Message + ") and is decided again on the next boot.";
            }
            return reason;
        }

        /// <summary>Runs the active slot if it checks out, else a checked image in the other slot that is not below the installed security version.</summary>
        private BootDecision RunActive(bool reverted, string problem)
        {
            SlotId active = _state.ActiveSlot;
            string activeProblem;
            if (_verifier.TryVerify(_slots, active, _state.Image(active), out activeProblem))
                return new BootDecision(reverted ? BootOutcome.RunReverted : BootOutcome.RunConfirmed, active, _state.Image(active).Length, problem);

            SlotId other = BootState.Other(active);
            SlotImage otherImage = _state.Image(other);
            string otherProblem;
            // A slot being downloaded into has had its record cleared, so a present record means a whole image.
            if (!_state.IsTrialInProgress && _state.ResumeSlot != other && otherImage.IsPresent &&
                otherImage.SecurityVersion >= _state.InstalledSecurityVersion &&
                _verifier.TryVerify(_slots, other, otherImage, out otherProblem))
            {
                string fallback = Join(problem, "the active image failed its check (" + activeProblem + "); slot " +
                    SlotImageVerifier.Name(other) + " holds a checked image and is now active.");
                _state.ActiveSlot = other;
                try
                {
                    _store.Save(_state);
                }
                catch (IOException e)
                {
                    fallback = fallback + " The switch could not be written (" + e.Message + ").";
                }
                return new BootDecision(reverted ? BootOutcome.RunReverted : BootOutcome.RunConfirmed, other, otherImage.Length, fallback);
            }
            return new BootDecision(BootOutcome.NoBootableImage, SlotId.None, 0, Join(problem, "no slot holds a usable image (" + activeProblem +
                "); run nothing and keep polling for an update."));
        }

        private static string Join(string first, string second)
        {
            return first == null ? second : first + " " + second;
        }
    }
}
