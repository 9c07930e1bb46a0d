using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Turns the operations of one segment into its symbols (docs/PROTOCOL.md section 11a.5), keeping the
/// device's <see cref="EditPredictor"/> and old cursor in lockstep, so every seek and edit value can be
/// coded the cheapest way the decoder will understand. Prices come from the code lengths of an earlier
/// pass over the same segment (or defaults).
/// </summary>
internal sealed class SegmentSymbolWriter
{
    /// <summary>Approximate cost in bits of a byte an edit leaves wrong: it will need an edit of its own.</summary>
    private const int WrongBytePrice = 12;

    private readonly byte[] _old;
    private readonly byte[] _new;
    private readonly EditPredictor _predictor = new();
    private readonly List<CodedSymbol> _symbols = new();
    private byte[][] _lengths = DefaultLengths();
    private byte[] _run = new byte[4096];
    private int _oldPosition;
    private int _editContext;
    private RecentDistances _distances;
    private CandidatePrefixes? _candidates;

    public SegmentSymbolWriter(byte[] oldImage, byte[] newImage)
    {
        _old = oldImage;
        _new = newImage;
    }

    public int Edits { get; private set; }

    /// <summary>
    /// The symbols of <paramref name="ops"/>, priced with <paramref name="lengths"/> (null: defaults), with
    /// <paramref name="candidates"/> as the segment's candidate prefixes (null: <see cref="CandidatePrefixes.Choose"/>).
    /// </summary>
    public List<CodedSymbol> Write(IReadOnlyList<PatchOp> ops, byte[][]? lengths, CandidatePrefixes? candidates = null)
    {
        _lengths = lengths ?? DefaultLengths();
        _symbols.Clear();
        _predictor.Reset();
        _oldPosition = 0;
        _editContext = 0;
        _distances = default;
        Edits = 0;
        // The candidate prefixes come first in the commands' stream (right after the code tables).
        _candidates = candidates ?? CandidatePrefixes.Choose(_old, _new, ops);
        Add(-1, 0, PatchCostCategory.Tables, (uint)_candidates.Values.Length, PatchFormat.CandidateCountBits);
        foreach (int prefix in _candidates.Values) Add(-1, 0, PatchCostCategory.Tables, (uint)prefix, PatchFormat.CandidatePrefixBits);
        foreach (var op in ops)
        {
            switch (op.Kind)
            {
                case PatchOpKind.Literal:
                    for (int k = 0; k < op.Length; k++) Add(PatchFormat.TableMain, _new[op.NewStart + k], PatchCostCategory.Literals);
                    break;
                case PatchOpKind.Match:
                    AddNumber(PatchFormat.TableMain, PatchFormat.MatchSymbol, op.Length - PatchFormat.MinMatch, PatchCostCategory.Matches);
                    int recent = _distances.Symbol(op.Distance);
                    if (recent >= 0) Add(PatchFormat.TableDistance, recent, PatchCostCategory.Matches);
                    else AddNumber(PatchFormat.TableDistance, 0, op.Distance - 1, PatchCostCategory.Matches);
                    _distances = _distances.After(op.Distance);
                    break;
                default:
                    WriteBlock(op);
                    break;
            }
        }
        return new List<CodedSymbol>(_symbols);
    }

    private void Add(int alphabet, int symbol, PatchCostCategory category, uint extra = 0, int extraBits = 0) =>
        _symbols.Add(new CodedSymbol((sbyte)alphabet, (short)symbol, extra, (byte)extraBits, category));

    private void AddNumber(int alphabet, int firstSymbol, long value, PatchCostCategory category)
    {
        var (code, extra, bits) = NumberCode.Number(value);
        Add(alphabet, firstSymbol + code, category, extra, bits);
    }

    private void AddEdit(int symbol, PatchCostCategory category, uint extra = 0, int extraBits = 0)
    {
        Add(PatchFormat.TableEdit + _editContext, symbol, category, extra, extraBits);
        _editContext = PatchFormat.EditContext(symbol);
    }

    private int Price(int alphabet, int symbol)
    {
        int length = _lengths[alphabet][symbol];
        return length == 0 ? 14 : length;
    }

    private int NumberPrice(int alphabet, int firstSymbol, long value)
    {
        var (code, _, bits) = NumberCode.Number(value);
        return Price(alphabet, firstSymbol + code) + bits;
    }

    private void WriteBlock(PatchOp op)
    {
        int newPosition = op.NewStart;
        int bestChoice = -1;
        long bestDelta = 0;
        int bestPrice = int.MaxValue;
        for (int choice = 0; choice < 8; choice++)
        {
            long origin = choice switch
            {
                0 => (long)newPosition + _predictor.Displacement(0),
                1 or 5 => _oldPosition,
                <= 4 => (long)newPosition + _predictor.Displacement(choice - 1),
                _ => (long)newPosition + _predictor.Displacement(choice - 5),
            };
            long delta = op.OldStart - origin;
            if (choice < 5 ? delta != 0 : delta == 0 || Math.Abs(delta) - 1 > PatchFormat.MaxNumber) continue;
            int price = Price(PatchFormat.TableMain, PatchFormat.BlockSymbol + choice);
            if (choice >= 5) price += NumberPrice(PatchFormat.TableSeek, delta < 0 ? PatchFormat.NumberCodes : 0, Math.Abs(delta) - 1);
            if (price < bestPrice)
            {
                bestPrice = price;
                bestChoice = choice;
                bestDelta = delta;
            }
        }
        Add(PatchFormat.TableMain, PatchFormat.BlockSymbol + bestChoice, PatchCostCategory.Seeks);
        if (bestChoice >= 5)
            AddNumber(PatchFormat.TableSeek, bestDelta < 0 ? PatchFormat.NumberCodes : 0, Math.Abs(bestDelta) - 1, PatchCostCategory.Seeks);
        if (bestChoice != 0) _predictor.UseDisplacement(op.OldStart - newPosition);
        AddNumber(PatchFormat.TableCopyLength, 0, op.Length, PatchCostCategory.Lengths);
        WriteEdits(op.OldStart, op.NewStart, op.Length);
        _oldPosition = op.OldStart + op.Length;
    }

    /// <summary>Codes the edits that turn old[oldStart, +length) into new[newStart, +length), as the decoder applies them.</summary>
    private void WriteEdits(int oldStart, int newStart, int length)
    {
        if (_run.Length < length) _run = new byte[Math.Max(length, _run.Length * 2)];
        byte[] run = _run;
        Array.Copy(_old, oldStart, run, 0, length);
        var target = _new.AsSpan(newStart, length);
        int from = 0;
        while (from < length)
        {
            int common = run.AsSpan(from, length - from).CommonPrefixLength(target[from..]);
            if (from + common == length)
            {
                AddEdit(0, PatchCostCategory.EditPositions);
                return;
            }
            int at = from + common;
            int previous = newStart + at > 0 ? _new[newStart + at - 1] : 0;
            int following = at + 1 < length ? run[at + 1] : 0;
            var (gapCode, gapExtra, gapBits) = NumberCode.Gap(at - from);
            var (kind, value, index) = ChooseValue(run, target, at, length, previous, following, gapCode);
            int rank = _candidates!.Rank(run, newStart, length, from, at);
            int table = PatchFormat.TableEdit + _editContext;
            int gapPrice = Price(table, 1 + 4 * gapCode + kind) + gapBits
                + (gapCode == PatchFormat.LongGapCode ? NumberPrice(PatchFormat.TableCopyLength, 0, at - from - PatchFormat.LongGap) : 0);
            // Priced by bits alone: the device's search costs about 15 IL per word it passes, and any charge
            // for it gave up most of the saving (measured on the shared pairs).
            if (rank >= 0 && Price(table, PatchFormat.CandidateSymbol + 4 * rank + kind) < gapPrice)
                AddEdit(PatchFormat.CandidateSymbol + 4 * rank + kind, PatchCostCategory.EditPositions);
            else
            {
                AddEdit(1 + 4 * gapCode + kind, PatchCostCategory.EditPositions, gapExtra, gapBits);
                if (gapCode == PatchFormat.LongGapCode) AddNumber(PatchFormat.TableCopyLength, 0, at - from - PatchFormat.LongGap, PatchCostCategory.EditPositions);
            }
            if (kind == PatchFormat.KindRecent) Add(-1, 0, PatchCostCategory.EditValues, (uint)index, 2);
            else if (kind == PatchFormat.KindExplicit)
                AddNumber(PatchFormat.TableValue, value < 0 ? PatchFormat.NumberCodes : 0, Math.Abs((long)value) - 1, PatchCostCategory.EditValues);
            _predictor.Learn(previous, following, value);
            AddInto(run, at, Math.Min(PatchFormat.EditWidth, length - at), value);
            Edits++;
            from = at + 1;
        }
    }

    /// <summary>
    /// The kind and value for the edit at <paramref name="at"/>: among the byte difference, the whole-word
    /// difference, both predictions and the recent values, those that fix the byte at the edit, each coded
    /// its cheapest way, plus a charge for every byte of the word it leaves wrong.
    /// </summary>
    private (int Kind, int Value, int RecentIndex) ChooseValue(byte[] run, ReadOnlySpan<byte> target, int at, int length, int previous, int following, int gapCode)
    {
        int width = Math.Min(PatchFormat.EditWidth, length - at);
        Span<int> candidates = stackalloc int[4 + EditPredictor.RecentCount];
        int count = 0;
        candidates[count++] = target[at] - run[at];
        uint oldWord = 0, newWord = 0;
        for (int k = width - 1; k >= 0; k--)
        {
            oldWord = (oldWord << 8) | run[at + k];
            newWord = (newWord << 8) | target[at + k];
        }
        int shift = 32 - 8 * width;
        int wordValue = (int)((newWord - oldWord) << shift) >> shift;
        if (wordValue != int.MinValue) candidates[count++] = wordValue;
        int predictionA = _predictor.PredictionA(previous);
        int predictionB = _predictor.PredictionB(following);
        candidates[count++] = predictionA;
        candidates[count++] = predictionB;
        for (int k = 0; k < EditPredictor.RecentCount; k++) candidates[count++] = _predictor.RecentValue(k);

        (int Kind, int Value, int Index) best = (PatchFormat.KindExplicit, candidates[0], 0);
        int bestPrice = int.MaxValue;
        Span<byte> word = stackalloc byte[PatchFormat.EditWidth];
        int symbolBase = 1 + 4 * gapCode;
        for (int c = 0; c < count; c++)
        {
            int value = candidates[c];
            if (value == int.MinValue || value == 0) continue;
            run.AsSpan(at, width).CopyTo(word);
            AddInto(word, 0, width, value);
            if (word[0] != target[at]) continue;
            int wrong = 0;
            for (int k = 1; k < width; k++) if (word[k] != target[at + k]) wrong += WrongBytePrice;
            Consider(PatchFormat.KindExplicit, value, 0, Price(PatchFormat.TableEdit + _editContext, symbolBase + PatchFormat.KindExplicit)
                + NumberPrice(PatchFormat.TableValue, value < 0 ? PatchFormat.NumberCodes : 0, Math.Abs((long)value) - 1));
            if (value == predictionA) Consider(PatchFormat.KindPredictionA, value, 0, Price(PatchFormat.TableEdit + _editContext, symbolBase + PatchFormat.KindPredictionA));
            if (value == predictionB) Consider(PatchFormat.KindPredictionB, value, 0, Price(PatchFormat.TableEdit + _editContext, symbolBase + PatchFormat.KindPredictionB));
            for (int k = 0; k < EditPredictor.RecentCount; k++)
            {
                if (_predictor.RecentValue(k) == value)
                {
                    Consider(PatchFormat.KindRecent, value, k, Price(PatchFormat.TableEdit + _editContext, symbolBase + PatchFormat.KindRecent) + 2);
                    break;
                }
            }

            void Consider(int kind, int v, int index, int price)
            {
                price += wrong;
                if (price < bestPrice)
                {
                    bestPrice = price;
                    best = (kind, v, index);
                }
            }
        }
        return best;
    }

    /// <summary>Adds <paramref name="value"/> into the little-endian word of <paramref name="width"/> bytes at <paramref name="at"/>.</summary>
    private static void AddInto(Span<byte> bytes, int at, int width, int value)
    {
        uint add = (uint)value;
        uint carry = 0;
        for (int k = 0; k < width; k++)
        {
            uint sum = bytes[at + k] + (add & 0xFF) + carry;
            bytes[at + k] = (byte)sum;
            carry = sum >> 8;
            add >>= 8;
        }
    }

    /// <summary>Prices for a first pass: literals 7 bits, block starts 5, other symbols 6.</summary>
    private static byte[][] DefaultLengths()
    {
        var lengths = new byte[PatchFormat.TableCount][];
        for (int a = 0; a < PatchFormat.TableCount; a++)
        {
            lengths[a] = new byte[PatchFormat.SymbolCount(a)];
            Array.Fill(lengths[a], (byte)6);
        }
        Array.Fill(lengths[PatchFormat.TableMain], (byte)7, 0, 256);
        Array.Fill(lengths[PatchFormat.TableMain], (byte)5, PatchFormat.BlockSymbol, 8);
        for (int c = 0; c < PatchFormat.EditContexts; c++) Array.Fill(lengths[PatchFormat.TableEdit + c], (byte)3, 1, 16);
        return lengths;
    }
}
