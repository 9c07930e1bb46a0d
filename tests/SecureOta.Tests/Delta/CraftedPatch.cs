using System.Buffers.Binary;
using SecureOta.Build.Delta;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>
/// Writes patches symbol by symbol, valid or not, with the build's segment coder (canonical codes for
/// exactly the symbols used), so a test can build exactly the malformed stream it needs (an oversized
/// length, a seek outside the old image, a match outside the window, a lying segment header).
/// </summary>
internal sealed class CraftedPatch
{
    private readonly List<byte> _bytes = [];
    private readonly List<CodedSymbol> _symbols = [];
    private int _segmentLength = -1;
    private int _editContext;

    public CraftedPatch(int oldSize, int newSize, byte version = PatchFormat.Version)
    {
        var header = new byte[PatchFormat.HeaderSize];
        PatchFormat.Magic.CopyTo(header, 0);
        header[4] = version;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), (uint)oldSize);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(12), (uint)newSize);
        _bytes.AddRange(header);
    }

    /// <summary>
    /// Starts a segment that declares <paramref name="newLength"/> new bytes (ending the one before), with
    /// the candidate prefixes <paramref name="candidatePrefixes"/> (12 bits each, written as given, valid or not).
    /// </summary>
    public CraftedPatch Segment(int newLength, params int[] candidatePrefixes)
    {
        EndSegment();
        _segmentLength = newLength;
        _editContext = 0;
        Add(-1, 0, (uint)candidatePrefixes.Length, PatchFormat.CandidateCountBits);
        foreach (int prefix in candidatePrefixes) Add(-1, 0, (uint)prefix, PatchFormat.CandidatePrefixBits);
        return this;
    }

    /// <summary>A block with seek choice <paramref name="choice"/> (0 keeps the displacement, 1 keeps the cursor).</summary>
    public CraftedPatch Block(int choice) => Add(PatchFormat.TableMain, PatchFormat.BlockSymbol + choice);

    /// <summary>Block with seek choice 5: the old cursor plus <paramref name="delta"/>.</summary>
    public CraftedPatch SeekBy(long delta)
    {
        Block(5);
        return Number(PatchFormat.TableSeek, delta < 0 ? PatchFormat.NumberCodes : 0, Math.Abs(delta) - 1);
    }

    public CraftedPatch Copy(long length) => Number(PatchFormat.TableCopyLength, 0, length);

    public CraftedPatch Literal(int value) => Add(PatchFormat.TableMain, value);

    /// <summary>A match of <paramref name="length"/> bytes from <paramref name="distance"/> back (1: a fill).</summary>
    public CraftedPatch Match(int length, int distance) =>
        Number(PatchFormat.TableMain, PatchFormat.MatchSymbol, length - PatchFormat.MinMatch).Number(PatchFormat.TableDistance, 0, distance - 1);

    /// <summary>A match of <paramref name="length"/> bytes from the segment's recent distance <paramref name="index"/> (0: the most recent).</summary>
    public CraftedPatch RecentMatch(int length, int index) =>
        Number(PatchFormat.TableMain, PatchFormat.MatchSymbol, length - PatchFormat.MinMatch).Add(PatchFormat.TableDistance, PatchFormat.NumberCodes + index);

    /// <summary>An edit <paramref name="gap"/> bytes on that adds <paramref name="value"/> (explicit; a gap below 16).</summary>
    public CraftedPatch Edit(int gap, int value)
    {
        EditSymbol(1 + 4 * gap + PatchFormat.KindExplicit);
        return Number(PatchFormat.TableValue, value < 0 ? PatchFormat.NumberCodes : 0, Math.Abs((long)value) - 1);
    }

    /// <summary>An edit <paramref name="gap"/> bytes on (a gap below 16) that adds prediction A.</summary>
    public CraftedPatch EditPredictedA(int gap) => EditSymbol(1 + 4 * gap + PatchFormat.KindPredictionA);

    /// <summary>A candidate edit at the (<paramref name="rank"/> + 1)-th candidate word from the edit cursor on, adding prediction A.</summary>
    public CraftedPatch CandidateEditPredictedA(int rank) => EditSymbol(PatchFormat.CandidateSymbol + 4 * rank + PatchFormat.KindPredictionA);

    /// <summary>A candidate edit at the (<paramref name="rank"/> + 1)-th candidate word that adds <paramref name="value"/> (explicit).</summary>
    public CraftedPatch CandidateEdit(int rank, int value)
    {
        EditSymbol(PatchFormat.CandidateSymbol + 4 * rank + PatchFormat.KindExplicit);
        return Number(PatchFormat.TableValue, value < 0 ? PatchFormat.NumberCodes : 0, Math.Abs((long)value) - 1);
    }

    public CraftedPatch EndEdits() => EditSymbol(0);

    /// <summary>The patch; <paramref name="lastSegmentLength"/>, when given, replaces the last segment's declared coded length.</summary>
    public byte[] Finish(int? lastSegmentLength = null)
    {
        int start = _bytes.Count;
        EndSegment();
        var bytes = _bytes.ToArray();
        if (lastSegmentLength is int length) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(start + 4), (uint)length);
        return bytes;
    }

    private CraftedPatch EditSymbol(int symbol)
    {
        Add(PatchFormat.TableEdit + _editContext, symbol);
        _editContext = PatchFormat.EditContext(symbol);
        return this;
    }

    private CraftedPatch Add(int table, int symbol, uint extra = 0, int extraBits = 0)
    {
        _symbols.Add(new CodedSymbol((sbyte)table, (short)symbol, extra, (byte)extraBits, PatchCostCategory.Literals));
        return this;
    }

    /// <summary>A number as section 11a.4 codes it, any value up to 2^31 - 2.</summary>
    private CraftedPatch Number(int table, int firstSymbol, long value)
    {
        var (code, extra, bits) = NumberCode.Number(value);
        return Add(table, firstSymbol + code, extra, bits);
    }

    private void EndSegment()
    {
        if (_segmentLength < 0) return;
        _bytes.AddRange(PatchStreamEncoder.CodeSegment(_segmentLength, _symbols));
        _symbols.Clear();
        _segmentLength = -1;
    }
}
