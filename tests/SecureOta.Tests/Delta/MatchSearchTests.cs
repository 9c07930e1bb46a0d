using SecureOta.Build.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>
/// The search for matches in the new image (<see cref="NewImageMatcher"/> over <see cref="PrefixHashChains"/>):
/// once it holds a match of some length, it walks on only among positions sharing that many bytes.
/// </summary>
public sealed class MatchSearchTests
{
    [Fact]
    public void Finds_a_long_match_behind_more_positions_sharing_a_shorter_prefix_than_a_walk_visits()
    {
        // X (64 bytes starting "ABCD"), then 3000 times "ABC" and a byte other than 'D' (3000 positions on
        // X's 3-byte chain, more than the 1024 a walk follows), one "ABCDx", and X again. From the second
        // X the walk meets "ABCDx" first, a 4-byte match, and goes on along the 4-byte chain, which skips
        // the crowd and reaches the first X.
        var random = new Random(5);
        var x = new byte[64];
        random.NextBytes(x);
        "ABCD"u8.CopyTo(x);
        var image = new List<byte>(x);
        for (int k = 0; k < 3000; k++)
        {
            image.AddRange("ABC"u8.ToArray());
            image.Add((byte)(random.Next(2) == 0 ? random.Next('D') : random.Next('D' + 1, 256)));
        }
        image.AddRange("ABCDx"u8.ToArray());
        var filler = new byte[100];
        random.NextBytes(filler);
        image.AddRange(filler);
        int second = image.Count;
        image.AddRange(x);
        var bytes = image.ToArray();

        var ops = new List<PatchOp>();
        new NewImageMatcher(bytes).Parse(0, bytes.Length, ops);

        Assert.Contains(ops, op => op.Kind == PatchOpKind.Match && op.Distance == second && op.NewEnd == bytes.Length && op.Length >= 60);
        PatchRun.RoundTrip([], bytes);
    }
}
