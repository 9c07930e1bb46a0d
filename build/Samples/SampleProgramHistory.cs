namespace SecureOta.Build.Samples;

/// <summary>
/// The sample program's development history. Each version is the previous one plus edits of the
/// kinds real firmware sees: code inserted and edited in the middle (shifting everything after it),
/// strings added, a lookup table retuned, a function removed.
/// </summary>
internal static class SampleProgramHistory
{
    public const int BaseFunctionCount = 420;
    public const int BaseStringCount = 1400;

    private const int TagCount = 24;
    private const int ErrorNameCount = 200;
    private const ulong EditSeedFamily = 0x5EC0_07A0_F00D_0004UL;
    private const ulong RamSeed = 0x5EC0_07A0_F00D_0005UL;

    /// <summary>The program of <paramref name="release"/>, rebuilt from the first release.</summary>
    public static SampleProgram Create(SampleRelease release)
    {
        var index = SampleReleases.All.ToList().FindIndex(r => r.Version == release.Version);
        if (index < 0)
        {
            throw new ArgumentException($"{release.Version} is not a sample release.", nameof(release));
        }

        var program = CreateFirst();
        if (index >= 1)
        {
            ReviseToSecond(program);
        }

        if (index >= 2)
        {
            ReviseToThird(program);
        }

        program.Version = release.Version;
        program.SecurityVersion = release.SecurityVersion;
        program.BuildDate = release.BuildDate;
        program.BuildTime = release.BuildTime;
        return program;
    }

    private static SampleProgram CreateFirst()
    {
        var program = new SampleProgram(string.Empty, 0, string.Empty, string.Empty);
        for (var id = 0; id < BaseStringCount; id++)
        {
            var role = id < TagCount ? StringRole.Tag : id < TagCount + ErrorNameCount ? StringRole.ErrorName : StringRole.LogFormat;
            program.Strings.Add(new SampleString(id, SampleStringGenerator.Create(id, role)));
        }

        program.Tables.AddRange(
        [
            new SampleDataTable(SampleTableGenerator.SineTable, "sine_q15", SampleTableGenerator.Sine()),
            new SampleDataTable(SampleTableGenerator.Crc32Table, "crc32", SampleTableGenerator.Crc32()),
            new SampleDataTable(SampleTableGenerator.CalibrationTable, "calibration", SampleTableGenerator.Calibration(0)),
            new SampleDataTable(SampleTableGenerator.LogTagPointers, "log_tags", Enumerable.Range(0, TagCount).ToList()),
            new SampleDataTable(SampleTableGenerator.ErrorNamePointers, "error_names", Enumerable.Range(TagCount, ErrorNameCount).ToList()),
            new SampleDataTable(SampleTableGenerator.FontTable, "font_8x16", SampleTableGenerator.Font()),
            new SampleDataTable(SampleTableGenerator.CertificateBundle, "ca_bundle", SampleTableGenerator.Certificates()),
            new SampleDataTable(SampleTableGenerator.RegulatoryTable, "regdomain", SampleTableGenerator.Regulatory()),
        ]);

        // Functions may call any function, including ones defined later, so the pool lists all ids up front.
        var symbols = program.Symbols() with { Functions = Enumerable.Range(0, BaseFunctionCount).ToArray() };
        for (var id = 0; id < BaseFunctionCount; id++)
        {
            program.Functions.Add(SampleCodeGenerator.CreateFunction(id, symbols));
        }

        var random = new SplitMix64(RamSeed);
        program.InitialRam = Enumerable.Range(0, 1024).Select(i => (byte)(i % 64 < 16 ? random.Next(256) : 0)).ToArray();
        return program;
    }

    private static void ReviseToSecond(SampleProgram program)
    {
        program.Strings.InsertRange(
            program.Strings.Count / 2,
            Enumerable.Range(10_000, 40).Select(id => new SampleString(id, SampleStringGenerator.Create(id, StringRole.LogFormat))));

        int[] added = [1000, 1001, 1002, 1003];
        var symbols = program.Symbols() with { Functions = [.. program.Functions.Select(f => f.Id), .. added] };
        program.Functions.InsertRange(program.Functions.Count / 2, added.Select(id => SampleCodeGenerator.CreateFunction(id, symbols)));

        foreach (var id in new[] { 37, 121, 205, 288, 350 })
        {
            SampleCodeGenerator.Edit(program.Function(id), SplitMix64.Derive(EditSeedFamily + 1, id), 4, id == 121 ? 12 : 0, symbols);
        }

        // The new code has a caller: function 205's first call now goes to the new helper.
        program.Function(205).Body.First(i => i.Kind == SampleInstructionKind.Call).Symbol = 1000;
    }

    private static void ReviseToThird(SampleProgram program)
    {
        var calibration = program.Tables.FindIndex(t => t.Id == SampleTableGenerator.CalibrationTable);
        program.Tables[calibration] = new SampleDataTable(SampleTableGenerator.CalibrationTable, "calibration", SampleTableGenerator.Calibration(1));

        program.Strings.InsertRange(
            program.Strings.Count / 4,
            Enumerable.Range(20_000, 10).Select(id => new SampleString(id, SampleStringGenerator.Create(id, StringRole.LogFormat))));
        var errorNames = Enumerable.Range(20_010, 20).ToArray();
        program.Strings.AddRange(errorNames.Select(id => new SampleString(id, SampleStringGenerator.Create(id, StringRole.ErrorName))));
        program.Table(SampleTableGenerator.ErrorNamePointers).StringPointers!.AddRange(errorNames);

        // The legacy debug console (function 150) goes; its callers now use the replacement 2000.
        const int removed = 150;
        program.Functions.RemoveAll(f => f.Id == removed);
        foreach (var call in program.Functions.SelectMany(f => f.Body).Where(i => i.Kind == SampleInstructionKind.Call && i.Symbol == removed))
        {
            call.Symbol = 2000;
        }

        int[] added = [2000, 2001, 2002, 2003, 2004, 2005];
        var symbols = program.Symbols() with { Functions = [.. program.Functions.Select(f => f.Id), .. added] };
        program.Functions.InsertRange(program.Functions.Count * 3 / 4, added[..3].Select(id => SampleCodeGenerator.CreateFunction(id, symbols)));
        program.Functions.AddRange(added[3..].Select(id => SampleCodeGenerator.CreateFunction(id, symbols)));

        foreach (var id in new[] { 60, 222, 301 })
        {
            SampleCodeGenerator.Edit(program.Function(id), SplitMix64.Derive(EditSeedFamily + 2, id), 5, 0, symbols);
        }
    }
}
