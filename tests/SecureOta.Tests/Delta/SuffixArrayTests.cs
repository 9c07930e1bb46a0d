using SecureOta.Build.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>The suffix array agrees with a naive sort, including on the repetitive inputs that make SA-IS recurse.</summary>
public sealed class SuffixArrayTests
{
    public static TheoryData<string> Texts => new()
    {
        "", "a", "aa", "ab", "ba", "banana", "mississippi", "aaaaaaaaaaaaaaaa", "abababababababab", "abcabcabcabcabcx", "zyxwvutsrqponm",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Sorts_small_texts(string text) => AssertSorted(System.Text.Encoding.ASCII.GetBytes(text));

    [Fact]
    public void Sorts_random_texts_over_small_and_full_alphabets()
    {
        var random = new Random(51);
        for (int round = 0; round < 300; round++)
        {
            var text = new byte[random.Next(1, 400)];
            random.NextBytes(text);
            int alphabet = round % 3 == 0 ? 256 : 2 + round % 5;
            for (int i = 0; i < text.Length; i++) text[i] = (byte)(text[i] % alphabet);
            AssertSorted(text);
        }
    }

    [Fact]
    public void Longest_match_finds_the_longest_prefix_present_in_the_old_image()
    {
        var random = new Random(52);
        var old = new byte[2000];
        random.NextBytes(old);
        for (int i = 0; i < old.Length; i++) old[i] %= 4;
        var matcher = new SuffixMatcher(old);
        for (int round = 0; round < 200; round++)
        {
            var target = new byte[random.Next(1, 30)];
            random.NextBytes(target);
            for (int i = 0; i < target.Length; i++) target[i] %= 4;
            int length = matcher.LongestMatch(target, out int position);
            int best = 0;
            for (int start = 0; start < old.Length; start++) best = Math.Max(best, old.AsSpan(start).CommonPrefixLength(target));
            Assert.Equal(best, length);
            Assert.True(old.AsSpan(position, length).SequenceEqual(target.AsSpan(0, length)));
        }
    }

    private static void AssertSorted(byte[] text)
    {
        var expected = Enumerable.Range(0, text.Length).ToArray();
        Array.Sort(expected, (a, b) => text.AsSpan(a).SequenceCompareTo(text.AsSpan(b)));
        Assert.Equal(expected, SuffixArray.Build(text));
    }
}
