using System;
using System.IO;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.KeyTables;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// The device's update client. One <see cref="Poll"/>: conditional GET of channels/&lt;channel&gt;.json
    /// (a 304 ends it: one request); otherwise the root walk, C1-C9 on the manifest, and, unless the
    /// release is the image the device already runs or the image that last failed its trial boot here
    /// (then nothing is fetched), the release's approval (P1-P6: only an image approved offline is ever
    /// fetched), the staged rollout, the
    /// content key, and the new image into the inactive slot: built from a delta patch whose base is the
    /// running image when the manifest lists one, else (or when the patch fails) from the full artifact,
    /// streamed record by record; when the slot reads back as the signed image it is scheduled for a trial
    /// boot and the device reboots.
    /// Stored, in this order and only once verified: a new trusted root (then the state naming it); the
    /// manifest's sequence and issued time; the resume point; the staged slot. The installed security
    /// version is raised only when the new image confirms (<see cref="BootManager.Confirm"/>).
    /// Nothing here throws on anything a server sends: every outcome is an <see cref="UpdateReport"/>.
    /// "Already runs" means the active slot's bytes still are the release's image (<see cref="RunningImage"/>),
    /// so a damaged running slot is fetched again; every request and read of a poll is held to a deadline and
    /// a minimum rate (<see cref="BudgetedTransport"/>).
    /// </summary>
    public sealed class UpdateClient
    {
        private readonly DevicePlatform _platform;
        private readonly BudgetedTransport _budget;
        private readonly UpdateClientOptions _options;
        private readonly UpdateSession _session;
        private readonly TrustedRootStore _roots;
        private readonly RootUpdater _rootUpdater;
        private readonly PreparedKeyStore _keyTables;
        private readonly ContentKeyFetcher _keys;
        private readonly ArtifactDownloader _downloader;
        private readonly DeltaInstaller _deltas;
        private readonly byte[] _deviceId;
        private readonly string _channelPath;
        private TrustedRoot _root;
        private string _etag;
        private long _etagExpires;
        private string _version;
        private long _sequence;
        private readonly KeyAttempts _keyAttempts;
        private readonly RunningImage _running;
        private readonly IssuedUptime _uptime = new IssuedUptime();
        private readonly UpdateFailure _outOfMemory = PollFailures.OutOfMemory();
        private readonly Reports.Reporter _reporter;

        public UpdateClient(DevicePlatform platform, UpdateClientOptions options)
        {
            if (platform == null) throw new ArgumentNullException("platform");
            if (options == null) throw new ArgumentNullException("options");
            options.Validate();
            // Every request of a poll goes through the time bound, so no step can forget it.
            _budget = new BudgetedTransport(platform.Transport, platform.Clock, options);
            platform = new DevicePlatform(_budget, platform.Files, platform.Slots, platform.Hmac, platform.Aes, platform.Clock, platform.Rebooter);
            _platform = platform;
            _options = options;
            _session = new UpdateSession(platform, options, new BootStateStore(platform.Files, platform.Hmac));
            // The device's own key (the first) tags the cached root, so a boot need not check root signatures again.
            _roots = TrustedRootStore.ForDevice(platform.Files, platform.Hmac, options.GetRecipientKey(0));
            _rootUpdater = new RootUpdater(_roots);
            // The release and approval keys' tables survive reboots on flash, tagged under the device's own key too.
            _keyTables = PreparedKeyStore.ForDevice(platform.Files, platform.Hmac, options.GetRecipientKey(0));
            _keyAttempts = new KeyAttempts(options.MaxKeyAttempts);
            _keys = new ContentKeyFetcher(new KeyUnwrapper(platform.Hmac, platform.Aes));
            // One record reader for both kinds of download; the slot read-back borrows its buffer after the last record.
            RecordChainReader reader = new RecordChainReader(platform.Hmac, platform.Aes);
            SlotImageVerifier verifier = new SlotImageVerifier(platform.Hmac, reader.Buffer);
            _running = new RunningImage(verifier);
            _downloader = new ArtifactDownloader(reader, verifier);
            _deltas = new DeltaInstaller(platform.Hmac, reader, verifier);
            _deviceId = options.GetRecipientKey(0).GetIdBytes();
            _channelPath = "channels/" + options.Channel + ".json";
            _reporter = new Reports.Reporter(platform.Files, platform.Hmac, platform.Clock, options.GetRecipientKey(0), options.Channel, options.Reports);
        }

        /// <summary>
        /// The ETag of the last manifest whose outcome is settled, sent as If-None-Match until that manifest
        /// expires; null until then and after a root change.
        /// </summary>
        public string ETag { get { return _etag; } }

        /// <summary>The trusted root as of the last poll, or null before the first and after one that ran out of memory.</summary>
        public TrustedRoot TrustedRoot { get { return _root; } }

        /// <summary>Runs one poll, then reports (PROTOCOL.md 11d, never changing its outcome). Never throws for anything a server or the flash does.</summary>
        public UpdateReport Poll()
        {
            UpdateReport report;
            try
            {
                report = PollUpdate();
            }
            catch (OutOfMemoryException)
            {
                // Out here: also an OOM thrown while a handler below built its message, and the poll's stack is gone.
                _root = null;
                _etag = null;
                return Fail(_outOfMemory);
            }
            try
            {
                return _reporter.AfterPoll(report, _session.Committed);
            }
            catch (OutOfMemoryException)
            {
                // Reporting never changes the poll's outcome, even when it runs out of memory.
                return report;
            }
        }

        private UpdateReport PollUpdate()
        {
            _version = null;
            _sequence = 0;
            _budget.Start();
            try
            {
                return PollOnce();
            }
            catch (OutOfMemoryException)
            {
                throw;
            }
            catch (TransportException e)
            {
                return Fail(PollFailures.Transport(e));
            }
            catch (IOException e)
            {
                return Fail(PollFailures.Storage(e));
            }
            // The last resort (ArgumentException, InvalidOperationException, ...).
            catch (SystemException e)
            {
                _etag = null;
                return Fail(PollFailures.Unexpected(e));
            }
            finally
            {
                // An issued time accepted by this poll starts its uptime count now, not at the next poll.
                _uptime.Floor(_session.Committed.LastIssued, _platform.Clock.MonotonicMilliseconds);
            }
        }

        private UpdateReport PollOnce()
        {
            if (!_session.Begin())
                return Fail(new UpdateFailure(UpdateResult.NotProvisioned, "IO", "no boot state and no factory state; provision the device.", null));
            RootRecovery.TryRecover(_session, _platform.Files, _roots);
            BootState committed = _session.Committed;
            if (committed.IsTrialInProgress) return Done(UpdateResult.AwaitingConfirmation);
            UpdateFailure failure;
            if (!EnsureRoot(out failure)) return Fail(failure);

            long now = EffectiveNow(committed);
            bool pending = committed.IsDownloadPending;
            // A 304 only vouches for the cached manifest while it is unexpired; after that, fetch it to notice a frozen channel.
            string ifNoneMatch = pending || now >= _etagExpires ? null : _etag;
            SignedEnvelope envelope;
            string etag;
            bool notModified;
            if (!ManifestFetcher.TryFetch(_session, _channelPath, ifNoneMatch, out envelope, out etag, out notModified, out failure)) return Fail(failure);
            if (notModified) return Done(UpdateResult.UpToDate);

            TrustedRoot newest;
            if (!_rootUpdater.TryUpdate(_session, _root, now, out newest, out failure)) return Fail(failure);
            if (newest != _root) UseRoot(newest, true);
            // A root that rotated the release role may have reset the floors: read them again.
            committed = _session.Committed;
            now = EffectiveNow(committed);

            // While a download is pending its manifest (sequence = highest) must verify again in full (C8, C9) to resume.
            long floor = pending ? committed.HighestSequence - 1 : committed.HighestSequence;
            VerifiedManifest verified;
            VerificationFailure verification;
            IClock clock = _platform.Clock;
            if (!ChannelManifestVerifier.TryVerify(envelope, _root, _options.Channel, floor, committed.InstalledSecurityVersion, now,
                DeviceClock.MaxIssued(clock.UtcNowSeconds, clock.IsSynchronized), out verified, out verification))
                return Fail(UpdateFailure.FromVerification(verification));
            ChannelManifest manifest = verified.Manifest;
            _version = manifest.Release.Version;
            _sequence = manifest.Sequence;
            _reporter.Learn(committed, manifest.Release);
            if (verified.Outcome == ManifestOutcome.NothingNew)
            {
                if (pending) return Fail(UpdateFailure.FromVerification(new VerificationFailure(VerificationError.RolledBack, "C7",
                    "manifest sequence " + manifest.Sequence + " is lower than " + committed.HighestSequence +
                    ", the highest this device accepted; an old manifest is being replayed. Keep the current image.")));
                if (manifest.Expires <= now)
                    return Fail(UpdateFailure.FromVerification(new VerificationFailure(VerificationError.Expired, "C8",
                        "the channel still serves the manifest already accepted, and it expired at " + manifest.Expires + " (now " + now +
                        "); the site is frozen or its scheduled refresh stopped. The device keeps its image.")));
                // The release the device runs, but its slot's bytes went bad (or the boot found nothing bootable):
                // fetch the same release again into the other slot rather than stay broken until the next release.
                if (_running.Records(_session, manifest.Release) && !_running.IsIntact(_session)) return Install(manifest, etag);
                Remember(etag, manifest);
                return Done(UpdateResult.UpToDate);
            }
            return Install(manifest, etag);
        }

        private UpdateReport Install(ChannelManifest manifest, string etag)
        {
            ReleaseTarget release = manifest.Release;
            if (_running.Records(_session, release) && _running.IsIntact(_session)) return AlreadyRunning(manifest, etag);
            _session.MoveTo(UpdatePhase.ManifestFetched);
            if (_session.Committed.IsRejected(release.ImageDigest))
                return Abandon(manifest, etag, UpdateResult.ReleaseRejected, new UpdateFailure(UpdateResult.ReleaseRejected, "TRIAL",
                    "release " + release.Version + " failed its trial boot on this device and was reverted; it is not downloaded again. " +
                    "Publish a fixed release (a new image).", null));
            ReleaseIdentity approved;
            VerificationFailure notApproved;
            if (!ReleaseApprovalVerifier.TryVerify(_root, release, out approved, out notApproved))
                return Abandon(manifest, etag, UpdateResult.Rejected, UpdateFailure.FromVerification(notApproved));
            if (release.ImageSize > _platform.Slots.Capacity)
                return Abandon(manifest, etag, UpdateResult.SlotTooSmall, new UpdateFailure(UpdateResult.SlotTooSmall, "SLOT",
                    "release " + release.Version + " has a " + release.ImageSize + "-byte image and a slot holds " + _platform.Slots.Capacity +
                    " bytes; it is skipped. Use a device with more flash or a smaller image.", null));
            if (!manifest.Rollout.Includes(_platform.Hmac, _deviceId)) return Abandon(manifest, etag, UpdateResult.NotInRollout, null);

            byte[] contentKey;
            bool permanent;
            UpdateFailure failure;
            if (!_keys.TryFetch(_session, release, out contentKey, out failure, out permanent))
                return permanent && !_keyAttempts.FailedOnceMore(manifest.Sequence) ? Abandon(manifest, etag, failure.Result, failure) : Fail(failure);
            try
            {
                _session.MoveTo(UpdatePhase.Verified);
                if (!DownloadStart.IsSameDownload(_session.Committed, manifest)) DownloadStart.Begin(_session, manifest);
                if (!Download(release, contentKey, out failure)) return Fail(failure);
            }
            finally
            {
                Array.Clear(contentKey, 0, contentKey.Length);
            }
            return Stage(release);
        }

        /// <summary>
        /// The new image into the inactive slot: from the delta patch whose base is the running image when
        /// there is one (docs/PROTOCOL.md section 11a), else, or when the patch fails in any way, from the full
        /// artifact in the same poll. Only a slot that read back as the signed image returns true.
        /// </summary>
        private bool Download(ReleaseTarget release, byte[] contentKey, out UpdateFailure failure)
        {
            failure = null;
            _session.Full = release.FullArtifact;
            ManifestArtifact delta = _deltas.Choose(_session, release);
            if (delta != null)
            {
                Announce(delta, release, null);
                _session.MoveTo(UpdatePhase.Downloading);
                string problem;
                if (_deltas.TryInstall(_session, release, delta, contentKey, out problem))
                {
                    _session.Installed = delta;
                    return true;
                }
                _session.DeltaProblem = problem;
                Announce(release.FullArtifact, release, problem);
            }
            else
            {
                Announce(release.FullArtifact, release, null);
                _session.MoveTo(UpdatePhase.Downloading);
            }
            if (!_downloader.TryDownload(_session, release, contentKey, out failure)) return false;
            _session.Installed = release.FullArtifact;
            return true;
        }

        private void Announce(ManifestArtifact artifact, ReleaseTarget release, string deltaProblem)
        {
            if (_options.ArtifactChosen != null) _options.ArtifactChosen(artifact, release.FullArtifact, deltaProblem);
        }

        /// <summary>
        /// A newer manifest for the image the device runs (the daily re-sign, a halted rollout pinning it):
        /// nothing to download. Its sequence and issued time are stored, so only newer manifests act, and a
        /// pending download of another image is dropped.
        /// </summary>
        private UpdateReport AlreadyRunning(ChannelManifest manifest, string etag)
        {
            BootState working = _session.Working;
            if (working.IsDownloadPending)
            {
                working.MoveTo(UpdatePhase.ManifestFetched);
                working.MoveTo(UpdatePhase.Idle);
                working.ClearResume();
            }
            DownloadStart.Accept(working, manifest);
            _session.Commit();
            Remember(etag, manifest);
            return Done(UpdateResult.UpToDate);
        }

        /// <summary>The slot holds the signed image: schedule its trial and reboot into it.</summary>
        private UpdateReport Stage(ReleaseTarget release)
        {
            BootState working = _session.Working;
            SlotId target = working.ResumeSlot;
            _session.MoveTo(UpdatePhase.Staged);
            working.Image(target).Set(release.ImageSize, release.SecurityVersion, release.ImageDigest);
            working.ClearResume();
            working.TrialSlot = target;
            working.BootAttempts = 0;
            working.Confirmed = false;
            _session.MoveTo(UpdatePhase.TrialPending);
            _session.Commit();
            _reporter.TrialScheduled(_session.Committed, release, target, _session.Installed.Kind);
            _platform.Rebooter.Reboot();
            return Done(UpdateResult.TrialScheduled);
        }

        /// <summary>Gives up on a verified release for good (not for this device, or rejected by it): stores its sequence so it is not fetched again.</summary>
        private UpdateReport Abandon(ChannelManifest manifest, string etag, UpdateResult result, UpdateFailure failure)
        {
            BootState working = _session.Working;
            _session.MoveTo(UpdatePhase.Idle);
            DownloadStart.Accept(working, manifest);
            working.ClearResume();
            _session.Commit();
            Remember(etag, manifest);
            return failure == null ? Done(result) : Fail(failure);
        }

        /// <summary>Keeps the ETag of a manifest whose outcome is settled, so the next polls cost one 304 until it expires.</summary>
        private void Remember(string etag, ChannelManifest manifest)
        {
            // An ETag no transport can send back would make every later request fail; without it polls are unconditional.
            _etag = EntityTags.IsSendable(etag) ? etag : null;
            _etagExpires = manifest.Expires;
        }

        private bool EnsureRoot(out UpdateFailure failure)
        {
            failure = null;
            long version = _session.Committed.TrustedRootVersion;
            if (_root != null && _root.Version == version) return true;
            TrustedRoot root;
            string problem;
            if (!_roots.TryLoad(version, out root, out problem))
            {
                failure = new UpdateFailure(UpdateResult.StorageFailed, "IO", problem, null);
                return false;
            }
            UseRoot(root, false);
            return true;
        }

        private void UseRoot(TrustedRoot root, bool rotated)
        {
            _keyTables.UseFor(root, rotated ? _root : null);
            _root = root;
            // A manifest judged under the old root may read differently under the new one.
            if (rotated)
            {
                _etag = null;
                _etagExpires = 0;
            }
            _reporter.UseRoot(root);
            if (_options.RootChanged != null) _options.RootChanged(root);
        }

        /// <summary>The time to verify with (PROTOCOL.md section 9, "Time"): see <see cref="IssuedUptime.EffectiveNow"/>.</summary>
        private long EffectiveNow(BootState committed)
        {
            return _uptime.EffectiveNow(_platform.Clock, committed.LastIssued);
        }

        private UpdateReport Done(UpdateResult result)
        {
            return new UpdateReport(result, null, _version, _sequence, _session);
        }

        private UpdateReport Fail(UpdateFailure failure)
        {
            return new UpdateReport(failure.Result, failure, _version, _sequence, _session);
        }
    }
}
