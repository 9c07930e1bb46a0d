using YamlDotNet.RepresentationModel;

namespace SecureOta.Tests.Workflows;

/// <summary>Small, strict lookups over YamlDotNet's representation model, by scalar key.</summary>
internal static class YamlNodes
{
    public static YamlNode? Child(YamlMappingNode mapping, string key)
    {
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode scalar && scalar.Value == key) return entry.Value;
        }
        return null;
    }

    public static YamlMappingNode? ChildMapping(YamlMappingNode mapping, string key) =>
        Child(mapping, key) as YamlMappingNode;

    public static string? ChildScalar(YamlMappingNode mapping, string key) =>
        (Child(mapping, key) as YamlScalarNode)?.Value;

    public static IReadOnlyList<string> Keys(YamlMappingNode mapping) =>
        mapping.Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? "").ToList();

    /// <summary>The mapping as key -> scalar value; a non-scalar value fails the caller's expectation.</summary>
    public static IReadOnlyDictionary<string, string> ScalarEntries(YamlMappingNode mapping) =>
        mapping.Children.ToDictionary(
            e => ((YamlScalarNode)e.Key).Value ?? "",
            e => (e.Value as YamlScalarNode)?.Value ?? "<not a scalar>");

    /// <summary>Every scalar in the tree (keys and values) with the path of keys and indexes to it.</summary>
    public static IEnumerable<(IReadOnlyList<string> Path, string Value)> Scalars(YamlNode node) =>
        Scalars(node, []);

    private static IEnumerable<(IReadOnlyList<string> Path, string Value)> Scalars(YamlNode node, string[] path)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                yield return (path, scalar.Value ?? "");
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    foreach (var found in Scalars(sequence.Children[i], [.. path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                        yield return found;
                }
                break;
            case YamlMappingNode mapping:
                foreach (var entry in mapping.Children)
                {
                    var key = (entry.Key as YamlScalarNode)?.Value ?? "";
                    string[] childPath = [.. path, key];
                    yield return (childPath, key);
                    foreach (var found in Scalars(entry.Value, childPath)) yield return found;
                }
                break;
        }
    }
}
