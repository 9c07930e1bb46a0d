using System.Text.Json;

namespace SecureOta.Build.Releases;

/// <summary>
/// A JSON object read strictly: duplicate and unknown properties, missing required ones and values
/// of the wrong type are all reported (with their JSON path), and reading goes on so that one run
/// lists every problem of the file.
/// </summary>
internal sealed class StrictJsonObject
{
    private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly string _path;
    private readonly Action<string> _report;

    private StrictJsonObject(JsonElement element, string path, IReadOnlyCollection<string>? knownNames, Action<string> report)
    {
        _path = path;
        _report = report;
        foreach (var property in element.EnumerateObject())
        {
            if (!_properties.TryAdd(property.Name, property.Value))
            {
                report($"{path}: property '{property.Name}' appears more than once");
                continue;
            }

            _names.Add(property.Name);
            if (knownNames is not null && !knownNames.Contains(property.Name))
            {
                report($"{path}: unknown property '{property.Name}' (allowed: {string.Join(", ", knownNames)})");
            }
        }
    }

    /// <summary>Property names in document order, without duplicates.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Reads <paramref name="element"/> as an object; null (after reporting) when it is not one.</summary>
    public static StrictJsonObject? From(JsonElement element, string path, IReadOnlyCollection<string>? knownNames, Action<string> report)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            report($"{path}: must be an object, not {Describe(element)}");
            return null;
        }

        return new StrictJsonObject(element, path, knownNames, report);
    }

    public static string Describe(JsonElement element)
    {
        var raw = element.GetRawText();
        var shown = raw.Length > 40 ? raw[..37] + "..." : raw;
        return element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.Null => "null",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {shown}",
            JsonValueKind.Number => $"the number {shown}",
            _ => $"the string {shown}",
        };
    }

    public string PathOf(string name) => $"{_path}.{name}";

    public string? RequiredString(string name) => Get(name, required: true) is { } value ? AsString(value, PathOf(name)) : null;

    /// <summary>The string, <paramref name="whenAbsent"/> when the property is absent, null (after reporting) when it is not a string.</summary>
    public string? OptionalString(string name, string whenAbsent) =>
        Get(name, required: false) is { } value ? AsString(value, PathOf(name)) : whenAbsent;

    public uint? RequiredUInt32(string name)
    {
        if (Get(name, required: true) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt32(out var number))
        {
            return number;
        }

        _report($"{PathOf(name)}: must be a whole number from 0 to {uint.MaxValue}, not {Describe(value)}");
        return null;
    }

    public int? RequiredInt32(string name, int minimum, int maximum)
    {
        if (Get(name, required: true) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= minimum && number <= maximum)
        {
            return number;
        }

        _report($"{PathOf(name)}: must be a whole number from {minimum} to {maximum}, not {Describe(value)}");
        return null;
    }

    public IReadOnlyList<string>? RequiredStringArray(string name) =>
        Get(name, required: true) is { } value ? AsStringArray(value, PathOf(name)) : null;

    /// <summary>The strings, <paramref name="whenAbsent"/> when the property is absent, null (after reporting) when invalid.</summary>
    public IReadOnlyList<string>? OptionalStringArray(string name, IReadOnlyList<string> whenAbsent) =>
        Get(name, required: false) is { } value ? AsStringArray(value, PathOf(name)) : whenAbsent;

    public StrictJsonObject? RequiredObject(string name, IReadOnlyCollection<string>? knownNames) =>
        Get(name, required: true) is { } value ? From(value, PathOf(name), knownNames, _report) : null;

    public JsonElement? Get(string name, bool required)
    {
        if (_properties.TryGetValue(name, out var value))
        {
            return value;
        }

        if (required)
        {
            _report($"{_path}: missing required property '{name}'");
        }

        return null;
    }

    private string? AsString(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        _report($"{path}: must be a string, not {Describe(value)}");
        return null;
    }

    private IReadOnlyList<string>? AsStringArray(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            _report($"{path}: must be an array of strings, not {Describe(value)}");
            return null;
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (AsString(item, $"{path}[{index}]") is { } text)
            {
                items.Add(text);
            }

            index++;
        }

        return items.Count == index ? items : null;
    }
}
