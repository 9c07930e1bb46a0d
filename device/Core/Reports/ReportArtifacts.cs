using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Reports
{
    /// <summary>The values of a report's <c>artifact</c> member and their stored bytes.</summary>
    public static class ReportArtifacts
    {
        public const string Full = ManifestArtifact.FullKind;
        public const string Delta = ManifestArtifact.DeltaKind;

        /// <summary>0 none, 1 full, 2 delta.</summary>
        public static byte Code(string artifact)
        {
            if (artifact == Full) return 1;
            if (artifact == Delta) return 2;
            return 0;
        }

        /// <summary>The artifact of a stored byte; null for 0 or any unknown value.</summary>
        public static string FromCode(int code)
        {
            if (code == 1) return Full;
            if (code == 2) return Delta;
            return null;
        }
    }
}
