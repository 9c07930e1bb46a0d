using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Keeps the trusted root when both boot-state copies are lost (docs/PROTOCOL.md section 11b, "Losing the
    /// boot state"). The factory state names root 1, whose release keys a later root may have revoked, and a
    /// mirror that withholds roots/ would keep the device there. But the device wrote root.&lt;N&gt;.json only
    /// after verifying the chain to it, and that file survives the state copies: on the factory state with
    /// damaged copies present (not a fresh device, which has none), the newest such file that still verifies
    /// is trusted again and stored in the state. The floors (sequence, issued, security version) are not
    /// recovered: that limit stays.
    /// </summary>
    internal static class RootRecovery
    {
        /// <summary>Root versions probed, newest first; roots rotate rarely (yearly), so this lasts centuries.</summary>
        internal const long MaxVersionProbed = 256;

        /// <summary>True when it stored a newer trusted root version than the factory state's (IOException propagates).</summary>
        internal static bool TryRecover(UpdateSession session, IFileStore files, TrustedRootStore roots)
        {
            if (session.Source != BootStateSource.Factory) return false;
            if (!files.Exists(BootStateStore.Copy0Name) && !files.Exists(BootStateStore.Copy1Name)) return false;
            BootState working = session.Working;
            for (long version = MaxVersionProbed; version > working.TrustedRootVersion; version--)
            {
                if (!files.Exists(TrustedRootStore.FileName(version))) continue;
                TrustedRoot root;
                string problem;
                // A damaged newest file is skipped for an older one that verifies; root.1.json stays the last resort.
                if (!roots.TryLoad(version, out root, out problem)) continue;
                working.TrustedRootVersion = version;
                session.Commit();
                return true;
            }
            return false;
        }
    }
}
