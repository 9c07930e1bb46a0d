using System.Buffers.Binary;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Writes a patch (docs/PROTOCOL.md section 11a) for a given block cover of the new image: the header,
/// then every block's seek, copy run with its edits and literal run, through one range coder. It runs
/// the decoder's model in lockstep, so each edit can pick the value that the model codes cheapest.
/// </summary>
internal sealed class PatchStreamEncoder
{
    /// <summary>Approximate cost (1/16 bits) of a byte an edit leaves wrong: it will need an edit of its own.</summary>
    private const int WrongBytePrice = 10 * BitPrices.Scale;

    private readonly byte[] _old;
    private readonly byte[] _new;
    private readonly List<byte> _output;
    private readonly PatchModel _model = new();
    private readonly RangeEncoder _encoder;
    private readonly PatchSymbolEncoder _symbols;
    private byte[] _run = new byte[4096];

    private PatchStreamEncoder(byte[] oldImage, byte[] newImage)
    {
        _old = oldImage;
        _new = newImage;
        _output = new List<byte>(newImage.Length / 8 + 64);
        _encoder = new RangeEncoder(_output);
        _symbols = new PatchSymbolEncoder(_encoder, _model);
    }

    private int _editCount;
    private int _copiedBytes;
    private int _literalBytes;

    public static DeltaDiffResult Encode(byte[] oldImage, byte[] newImage, IReadOnlyList<PatchBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(oldImage);
        ArgumentNullException.ThrowIfNull(newImage);
        ArgumentNullException.ThrowIfNull(blocks);
        if (oldImage.Length > PatchFormat.MaxImageSize || newImage.Length > PatchFormat.MaxImageSize)
            throw new ArgumentException($"images are limited to {PatchFormat.MaxImageSize} bytes");
        var writer = new PatchStreamEncoder(oldImage, newImage);
        writer.WriteHeader();
        writer.WriteBlocks(blocks);
        writer._encoder.Flush();
        var bits = writer._encoder.Costs.Select(c => c / BitPrices.Scale).ToArray();
        return new DeltaDiffResult([.. writer._output], blocks.Count, writer._editCount, writer._copiedBytes, writer._literalBytes, bits);
    }

    private void WriteHeader()
    {
        Span<byte> header = stackalloc byte[PatchFormat.HeaderSize];
        header.Clear();
        PatchFormat.Magic.CopyTo(header);
        header[4] = PatchFormat.Version;
        BinaryPrimitives.WriteUInt32BigEndian(header[8..], (uint)_old.Length);
        BinaryPrimitives.WriteUInt32BigEndian(header[12..], (uint)_new.Length);
        foreach (var b in header) _output.Add(b);
    }

    private void WriteBlocks(IReadOnlyList<PatchBlock> blocks)
    {
        int newPosition = 0;
        int oldPosition = 0;
        for (int i = 0; i < blocks.Count && newPosition < _new.Length; i++)
        {
            var block = blocks[i];
            if (block.CopyLength < 0 || block.LiteralLength < 0 || block.CopyLength + block.LiteralLength == 0)
                throw new ArgumentException($"block {i} is empty or negative", nameof(blocks));
            if (block.CopyLength > _new.Length - newPosition || block.LiteralLength > _new.Length - newPosition - block.CopyLength)
                throw new ArgumentException($"block {i} runs past the new image", nameof(blocks));
            if (block.CopyLength > 0 && (block.OldStart < 0 || block.OldStart > _old.Length - block.CopyLength))
                throw new ArgumentException($"block {i} copies outside the old image", nameof(blocks));

            oldPosition = WriteSeek(block, oldPosition, newPosition);
            _symbols.EncodeCopyLength(block.CopyLength);
            WriteCopyRun(oldPosition, newPosition, block.CopyLength);
            _copiedBytes += block.CopyLength;
            newPosition += block.CopyLength;
            oldPosition += block.CopyLength;
            if (newPosition == _new.Length)
            {
                if (block.LiteralLength != 0 || i != blocks.Count - 1) throw new ArgumentException("blocks continue after the new image is complete", nameof(blocks));
                break;
            }
            _symbols.EncodeLiteralLength(block.LiteralLength);
            for (int k = 0; k < block.LiteralLength; k++)
            {
                _symbols.EncodeLiteral(newPosition + k > 0 ? _new[newPosition + k - 1] : 0, _new[newPosition + k]);
            }
            _literalBytes += block.LiteralLength;
            newPosition += block.LiteralLength;
        }
        if (newPosition != _new.Length) throw new ArgumentException("the blocks do not cover the new image", nameof(blocks));
    }

    /// <summary>Codes the cheapest seek choice that lands on the block's old start; returns the new old cursor.</summary>
    private int WriteSeek(PatchBlock block, int oldPosition, int newPosition)
    {
        long keep = (long)newPosition + _model.Displacement(0);
        int target = block.OldStart;
        if (block.CopyLength == 0)
        {
            // Nothing is read: take whichever choice lands inside the old image and codes cheapest.
            target = keep >= 0 && keep <= _old.Length ? (int)keep : oldPosition;
        }
        int choice = -1;
        long delta = 0;
        int bestPrice = int.MaxValue;
        for (int option = 0; option < 8; option++)
        {
            long optionDelta;
            if (!SeekDelta(option, target, oldPosition, newPosition, out optionDelta)) continue;
            int price = _symbols.PriceSeek(option, optionDelta);
            if (price < bestPrice)
            {
                bestPrice = price;
                choice = option;
                delta = optionDelta;
            }
        }
        _symbols.EncodeSeekChoice(choice);
        if (choice >= PatchModel.SeekCursorDelta) _symbols.EncodeSeekDelta(choice, delta);
        if (choice != PatchModel.SeekKeepDisplacement) _model.UseDisplacement(target - newPosition);
        return target;
    }

    /// <summary>
    /// Whether seek choice <paramref name="option"/> can land on <paramref name="target"/>, and with which
    /// delta: an exact choice must land on it, a delta choice needs a non-zero delta within the format's range.
    /// </summary>
    private bool SeekDelta(int option, int target, int oldPosition, int newPosition, out long delta)
    {
        delta = 0;
        long origin = option switch
        {
            PatchModel.SeekKeepDisplacement => (long)newPosition + _model.Displacement(0),
            PatchModel.SeekKeepCursor or PatchModel.SeekCursorDelta => oldPosition,
            <= PatchModel.SeekRecent3 => (long)newPosition + _model.Displacement(option - PatchModel.SeekRecent1 + 1),
            _ => (long)newPosition + _model.Displacement(option - PatchModel.SeekRecent1Delta + 1),
        };
        if (option < PatchModel.SeekCursorDelta) return origin == target;
        delta = target - origin;
        return delta != 0 && Math.Abs(delta) - 1 <= PatchFormat.MaxNumber;
    }

    /// <summary>Codes the edits that turn old[oldStart, +length) into new[newStart, +length), as the decoder applies them.</summary>
    private void WriteCopyRun(int oldStart, int newStart, int length)
    {
        if (length == 0) return;
        if (_run.Length < length) _run = new byte[Math.Max(length, _run.Length * 2)];
        byte[] run = _run;
        Array.Copy(_old, oldStart, run, 0, length);
        var target = _new.AsSpan(newStart, length);
        int from = 0;
        while (true)
        {
            int mismatch = FirstMismatch(run, target, from, length);
            if (mismatch < 0)
            {
                if (from < length) _symbols.EncodeEditFollows(false);
                return;
            }
            _symbols.EncodeEditFollows(true);
            _symbols.EncodeGap(mismatch - from);
            int previous = newStart + mismatch > 0 ? _new[newStart + mismatch - 1] : 0;
            int following = mismatch + 1 < length ? run[mismatch + 1] : 0;
            _model.PrepareEdit(previous, following);
            int alignment = (newStart + mismatch) & 3;
            int value = ChooseEditValue(run, target, mismatch, length, alignment);
            _symbols.EncodeEditValue(alignment, value);
            _model.CompleteEdit(previous, following, value);
            ApplyEdit(run, mismatch, Math.Min(PatchFormat.EditWidth, length - mismatch), value);
            _editCount++;
            from = mismatch + 1;
        }
    }

    private static int FirstMismatch(byte[] run, ReadOnlySpan<byte> target, int from, int length)
    {
        int common = run.AsSpan(from, length - from).CommonPrefixLength(target[from..]);
        return from + common < length ? from + common : -1;
    }

    /// <summary>
    /// The value for the edit at <paramref name="at"/>: among the byte difference, the whole-word
    /// difference, both predictions and the recent values, those that fix the byte at the edit, priced
    /// with the model plus a charge for every byte of the word they leave wrong.
    /// </summary>
    private int ChooseEditValue(byte[] run, ReadOnlySpan<byte> target, int at, int length, int alignment)
    {
        int width = Math.Min(PatchFormat.EditWidth, length - at);
        Span<int> candidates = stackalloc int[4 + PatchModel.RecentValues];
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
        candidates[count++] = _model.PredictionA;
        candidates[count++] = _model.PredictionB;
        for (int k = 0; k < PatchModel.RecentValues; k++) candidates[count++] = _model.RecentValue(k);

        int best = candidates[0];
        int bestPrice = int.MaxValue;
        Span<byte> word = stackalloc byte[PatchFormat.EditWidth];
        for (int c = 0; c < count; c++)
        {
            int value = candidates[c];
            if (value == int.MinValue) continue;
            run.AsSpan(at, width).CopyTo(word);
            ApplyEdit(word, 0, width, value);
            if (word[0] != target[at]) continue;
            int price = _symbols.PriceEditValue(alignment, value);
            for (int k = 1; k < width; k++)
            {
                if (word[k] != target[at + k]) price += WrongBytePrice;
            }
            if (price < bestPrice)
            {
                bestPrice = price;
                best = value;
            }
        }
        return best;
    }

    /// <summary>Adds <paramref name="value"/> into the little-endian word of <paramref name="width"/> bytes at <paramref name="at"/>.</summary>
    private static void ApplyEdit(Span<byte> bytes, int at, int width, int value)
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
}
