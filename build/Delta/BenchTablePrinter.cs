using System.Globalization;
using System.Text;
using SecureOta.Device.Core.Delta;
using SecureOta.Build.Frosting;
using Spectre.Console;

namespace SecureOta.Build.Delta;

/// <summary>
/// Renders the bench results as three plain-text tables (sizes, time and device cost, make-up of our
/// patches), the peers' command lines and notes on missing tools, for the build log. Ratios to bsdiff
/// are printed beside the figures, so a reader compares like with like on any machine.
/// </summary>
public static class BenchTablePrinter
{
    private const int Width = 176;

    public static string Render(IReadOnlyList<BenchRow> rows, IReadOnlyList<string> notes, IReadOnlyList<BenchCase>? cases = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(notes);
        var text = new StringBuilder();
        text.Append("Patch sizes in bytes (percent of the new image). \"As shipped\" is the encrypted, hash-chained artifact the device downloads;\n" +
            "\"/ bsdiff\" is our plain or shipped size divided by bsdiff's patch.\n");
        text.Append(RenderToText(SizeTable(rows)));
        int runs = rows.Count == 0 ? 0 : rows.Max(r => r.Runs);
        text.Append(FormattableString.Invariant($"Times are medians of {runs} run(s) (--runs=<n>): ours in-process after a warm-up, the tools as processes (wall clock).\n") +
            "\"Ours / bsdiff\" is the median of our diff time divided by bsdiff's in the same run. The patcher's RAM is fixed whatever the image\n" +
            "size (heap: all it allocated, object headers included). Per-byte path: output bytes handled by managed code one at a time (literals\n" +
            "and edited bytes); the rest is read from the old image or the new image's own bytes by native copies. Symbols/byte: Huffman symbols decoded\n" +
            "(one table lookup each) per output byte.\n");
        text.Append(RenderToText(CostTable(rows)));
        text.Append("Where our patch bytes go (bits as written, by what they code).\n");
        text.Append(RenderToText(MakeUpTable(rows)));
        if (cases is { Count: > 0 })
        {
            text.Append("Cases beside the pairs: each new image from an empty base (peer: zstd -19 of the new image alone) and a generated\n" +
                "image followed by a 4 MiB fill of 0xFF (peer: bsdiff). \"Ours / peer\" is our plain patch divided by the peer's output.\n");
            text.Append(RenderToText(CaseTable(cases)));
        }
        text.Append("Peers as run (the settings of ../shared/firmware-pairs/README.md):\n");
        foreach (var tool in BaselineTool.All) text.Append("  ").Append(tool.CommandLine).Append('\n');
        foreach (var note in notes) text.Append(note).Append('\n');
        return text.ToString();
    }

    private static Table SizeTable(IReadOnlyList<BenchRow> rows)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("Pair")
            .AddColumn(Right("New image")).AddColumn(Right("Ours")).AddColumn(Right("Ours as shipped")).AddColumn(Right("Ours / bsdiff"))
            .AddColumn(Right("Shipped / bsdiff"));
        foreach (var tool in BaselineTool.All) table.AddColumn(Right(tool.Label));
        foreach (var row in rows)
        {
            var cells = new List<string>
            {
                row.Pair.Name + (row.RoundTrip ? "" : " (ROUND TRIP FAILED)"),
                Bytes(row.NewSize),
                WithShare(row.Diff.Patch.Length, row.NewSize),
                WithShare(row.ShippedSize, row.NewSize),
                row.Bsdiff?.Size is long plain ? Ratio((double)row.Diff.Patch.Length / plain) : "n/a",
                row.Bsdiff?.Size is long shipped ? Ratio((double)row.ShippedSize / shipped) : "n/a",
            };
            cells.AddRange(row.Baselines.Select(b => b.Size is long size ? WithShare(size, row.NewSize) : "n/a"));
            table.AddRow(cells.Select(c => new Text(c)).ToArray());
        }
        return table;
    }

    private static Table CostTable(IReadOnlyList<BenchRow> rows)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("Pair").AddColumn(Right("Diff (ours)"));
        foreach (var tool in BaselineTool.All) table.AddColumn(Right(tool.Executable));
        table.AddColumn(Right("Ours / bsdiff")).AddColumn(Right("Apply")).AddColumn(Right("Patcher RAM (heap)")).AddColumn(Right("Per-byte path"))
            .AddColumn(Right("Symbols/byte"));
        foreach (var row in rows)
        {
            var statistics = row.Statistics;
            var cells = new List<string> { row.Pair.Name, Milliseconds(row.DiffTime) };
            cells.AddRange(row.Baselines.Select(b => b.Time is TimeSpan time ? Milliseconds(time) : "n/a"));
            cells.Add(row.DiffTimeToBsdiff is double ratio ? Ratio(ratio) : "n/a");
            cells.Add(Milliseconds(row.ApplyTime));
            cells.Add($"{Bytes(DeltaPatcher.WorkingMemoryBytes)} ({Bytes(row.AllocatedBytes)})");
            cells.Add(WithShare(statistics.PerBytePathBytes, row.NewSize));
            cells.Add((statistics.OutputBytes == 0 ? 0 : (double)statistics.DecodedSymbols / statistics.OutputBytes).ToString("F3", CultureInfo.InvariantCulture));
            table.AddRow(cells.Select(c => new Text(c)).ToArray());
        }
        return table;
    }

    private static Table MakeUpTable(IReadOnlyList<BenchRow> rows)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("Pair").AddColumn(Right("Blocks")).AddColumn(Right("Edits"))
            .AddColumn(Right("Literal bytes")).AddColumn(Right("Seeks")).AddColumn(Right("Run lengths")).AddColumn(Right("Edit positions"))
            .AddColumn(Right("Edit values")).AddColumn(Right("Literals")).AddColumn(Right("Matched bytes")).AddColumn(Right("Matches"))
            .AddColumn(Right("Segments")).AddColumn(Right("Tables, headers"));
        foreach (var row in rows)
        {
            var diff = row.Diff;
            table.AddRow(
                new Text(row.Pair.Name), new Text(Bytes(diff.Blocks)), new Text(Bytes(diff.Edits)), new Text(Bytes(diff.LiteralBytes)),
                new Text(Bytes(diff.CostBytes(PatchCostCategory.Seeks))), new Text(Bytes(diff.CostBytes(PatchCostCategory.Lengths))),
                new Text(Bytes(diff.CostBytes(PatchCostCategory.EditPositions))), new Text(Bytes(diff.CostBytes(PatchCostCategory.EditValues))),
                new Text(Bytes(diff.CostBytes(PatchCostCategory.Literals))), new Text(Bytes(diff.MatchedBytes)),
                new Text(Bytes(diff.CostBytes(PatchCostCategory.Matches))), new Text(Bytes(diff.Segments)),
                new Text(Bytes(diff.CostBytes(PatchCostCategory.Tables))));
        }
        return table;
    }

    private static Table CaseTable(IReadOnlyList<BenchCase> cases)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("Case").AddColumn(Right("New image")).AddColumn(Right("Ours"))
            .AddColumn("Peer").AddColumn(Right("Peer's size")).AddColumn(Right("Ours / peer")).AddColumn(Right("Diff (ours)"));
        foreach (var c in cases)
        {
            table.AddRow(
                new Text(c.Name + (c.RoundTrip ? "" : " (ROUND TRIP FAILED)")), new Text(Bytes(c.NewSize)), new Text(WithShare(c.PatchSize, c.NewSize)),
                new Text(c.Peer), new Text(c.PeerSize is long size ? WithShare(size, c.NewSize) : "n/a"),
                new Text(c.PeerSize is long peer && peer > 0 ? Ratio((double)c.PatchSize / peer) : "n/a"), new Text(Milliseconds(c.DiffTime)));
        }
        return table;
    }

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();

    private static string Bytes(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string WithShare(long count, long whole) =>
        $"{Bytes(count)} ({Percent(whole == 0 ? 0 : (double)count / whole)})";

    private static string Percent(double fraction) =>
        (fraction * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static string Ratio(double ratio) => ratio.ToString("F2", CultureInfo.InvariantCulture) + "x";

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static string RenderToText(Table table) => PlainTextTable.Render(table, Width);
}
