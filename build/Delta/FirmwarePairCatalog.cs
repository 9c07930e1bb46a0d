using System.Text.Json;

namespace SecureOta.Build.Delta;

/// <summary>
/// Finds firmware pairs in a folder: each subfolder is one pair named after it, holding the old and
/// the new image. A <c>pair.json</c> of the form <c>{"old": "&lt;file&gt;", "new": "&lt;file&gt;"}</c> names
/// them; without one the folder must hold exactly two images (documentation files aside), the older
/// first in <see cref="NaturalFileNameComparer"/> order.
/// </summary>
public static class FirmwarePairCatalog
{
    public const string PairFileName = "pair.json";

    private static readonly string[] IgnoredExtensions = [".md", ".txt", ".json"];

    /// <summary>The pairs under <paramref name="folder"/> by name; subfolders that are not pairs are listed in <paramref name="skipped"/> with the reason.</summary>
    public static IReadOnlyList<FirmwarePair> Load(string folder, ICollection<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(skipped);
        var pairs = new List<FirmwarePair>();
        foreach (var directory in Directory.GetDirectories(folder).Order(NaturalFileNameComparer.Instance))
        {
            var name = Path.GetFileName(directory);
            var pair = LoadPair(directory, name, out var reason);
            if (pair is null) skipped.Add($"{name}: {reason}");
            else pairs.Add(pair);
        }
        return pairs;
    }

    private static FirmwarePair? LoadPair(string directory, string name, out string reason)
    {
        reason = "";
        var pairFile = Path.Combine(directory, PairFileName);
        if (File.Exists(pairFile)) return FromPairFile(directory, name, pairFile, out reason);

        var images = Directory.GetFiles(directory)
            .Where(f => !IgnoredExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(NaturalFileNameComparer.Instance)
            .ToList();
        if (images.Count != 2)
        {
            reason = $"holds {images.Count} image file(s) and no {PairFileName}; a pair folder holds exactly two, or a {PairFileName} naming \"old\" and \"new\".";
            return null;
        }
        return new FirmwarePair(name, images[0], images[1]);
    }

    private static FirmwarePair? FromPairFile(string directory, string name, string pairFile, out string reason)
    {
        reason = "";
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(pairFile));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("old", out var oldName) || oldName.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("new", out var newName) || newName.ValueKind != JsonValueKind.String)
            {
                reason = $"{PairFileName} must be an object with string members \"old\" and \"new\".";
                return null;
            }
            var oldPath = InFolder(directory, oldName.GetString()!);
            var newPath = InFolder(directory, newName.GetString()!);
            if (oldPath is null || newPath is null)
            {
                reason = $"{PairFileName} names a file that is not in the folder.";
                return null;
            }
            return new FirmwarePair(name, oldPath, newPath);
        }
        catch (JsonException e)
        {
            reason = $"{PairFileName} is not valid JSON: {e.Message}";
            return null;
        }
    }

    /// <summary>The file <paramref name="fileName"/> directly inside <paramref name="directory"/>, or null (no paths that climb out).</summary>
    private static string? InFolder(string directory, string fileName)
    {
        if (fileName.Length == 0 || fileName != Path.GetFileName(fileName)) return null;
        var path = Path.Combine(directory, fileName);
        return File.Exists(path) ? path : null;
    }
}
