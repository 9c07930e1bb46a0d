namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Gap codes 16 to 31 (docs/PROTOCOL.md section 11a.4) indexed by G = gap code + 1, as an edit table
    /// entry holds it: the extra bits that follow the code, and the gap + 1 with zero extra bits, so the
    /// copy run's edit loop turns a long gap into a number with two array reads.
    /// </summary>
    internal static class GapCodeTable
    {
        public static readonly byte[] Extra;
        public static readonly int[] Base;

        // An explicit static constructor (no beforefieldinit): the tables are made when the first patcher is
        // created, never in the middle of a patch.
        static GapCodeTable()
        {
            Extra = new byte[PatchFormat.LongGapCode + 1];
            Base = new int[PatchFormat.LongGapCode + 1];
            for (int g = 17; g <= PatchFormat.LongGapCode; g++)
            {
                int extra = (g - 9) >> 2;
                Extra[g] = (byte)extra;
                Base[g] = ((4 | ((g - 1) & 3)) << extra) + 1;
            }
        }
    }
}
