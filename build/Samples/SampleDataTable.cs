namespace SecureOta.Build.Samples;

/// <summary>
/// A read-only data table: raw bytes, or (when <see cref="StringPointers"/> is set) an array of
/// absolute string addresses filled in at link time.
/// </summary>
internal sealed class SampleDataTable
{
    public SampleDataTable(int id, string name, byte[] bytes)
    {
        Id = id;
        Name = name;
        Bytes = bytes;
    }

    public SampleDataTable(int id, string name, List<int> stringPointers)
    {
        Id = id;
        Name = name;
        Bytes = [];
        StringPointers = stringPointers;
    }

    public int Id { get; }

    public string Name { get; }

    public byte[] Bytes { get; }

    public List<int>? StringPointers { get; }

    public int Length => StringPointers is null ? Bytes.Length : StringPointers.Count * 4;
}
