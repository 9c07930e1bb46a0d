namespace SecureOta.Build.Delta;

/// <summary>
/// Orders file names as people read versions: runs of digits compare as numbers, so "v1.9.4.bin"
/// sorts before "v1.10.bin". Other characters compare ordinally.
/// </summary>
public sealed class NaturalFileNameComparer : IComparer<string>
{
    public static NaturalFileNameComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int startX = i, startY = j;
                while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                var digitsX = x.AsSpan(startX, i - startX).TrimStart('0');
                var digitsY = y.AsSpan(startY, j - startY).TrimStart('0');
                if (digitsX.Length != digitsY.Length) return digitsX.Length - digitsY.Length;
                int byValue = digitsX.SequenceCompareTo(digitsY);
                if (byValue != 0) return byValue;
                continue;
            }
            if (x[i] != y[j]) return x[i] - y[j];
            i++;
            j++;
        }
        int byLength = (x.Length - i) - (y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }
}
