namespace SecureOta.Build.Samples;

/// <summary>One version of the sample firmware, before linking: code, strings, tables and identity.</summary>
internal sealed class SampleProgram
{
    public SampleProgram(string version, uint securityVersion, string buildDate, string buildTime)
    {
        Version = version;
        SecurityVersion = securityVersion;
        BuildDate = buildDate;
        BuildTime = buildTime;
    }

    public string Version { get; set; }

    public uint SecurityVersion { get; set; }

    /// <summary>The compiler-style date ("Mar  3 2025") written into the app descriptor.</summary>
    public string BuildDate { get; set; }

    public string BuildTime { get; set; }

    public List<SampleFunction> Functions { get; } = [];

    public List<SampleString> Strings { get; } = [];

    public List<SampleDataTable> Tables { get; } = [];

    /// <summary>Initialised RAM contents (the DRAM segment).</summary>
    public byte[] InitialRam { get; set; } = [];

    public SampleFunction Function(int id) => Functions.Single(f => f.Id == id);

    public SampleDataTable Table(int id) => Tables.Single(t => t.Id == id);

    /// <summary>What new code may reference: every function, string and table that exists now.</summary>
    public SampleSymbolPool Symbols() => new(
        Functions.Select(f => f.Id).ToArray(),
        Strings.Select(s => s.Id).ToArray(),
        Tables.Where(t => t.StringPointers is null).Select(t => (t.Id, t.Length)).ToArray());
}
