using System.Text.RegularExpressions;

namespace SecureOta.Build.Keys;

/// <summary>
/// The rules a whole list of recipients must follow, shared by the reader of keys/recipients.json and
/// the fleet targets that edit it: unique names, one name per public key, and group memberships that
/// name registered groups (only devices are members).
/// </summary>
public static partial class RecipientRules
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    public const string NameRule = "1-64 of [A-Za-z0-9._-], starting with a letter or digit";

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    /// <summary>Every rule <paramref name="recipients"/> breaks, each naming the entries involved.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<Recipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var problems = new List<string>();
        foreach (var group in recipients.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"the name '{group.Key}' is registered {group.Count()} times");
        foreach (var group in recipients.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"one public key is registered under several names: {string.Join(", ", group.Select(r => r.Name))}");

        var groups = recipients.Where(r => r.Kind == RecipientKind.Group).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var recipient in recipients.Where(r => r.Groups.Count > 0))
        {
            if (recipient.Kind != RecipientKind.Device)
            {
                problems.Add($"'{recipient.Name}' is a {recipient.KindName}; only devices are members of groups");
                continue;
            }

            foreach (var name in recipient.Groups.GroupBy(g => g, StringComparer.Ordinal).Where(g => g.Count() > 1))
                problems.Add($"device '{recipient.Name}' lists group '{name.Key}' {name.Count()} times");
            foreach (var name in recipient.Groups.Distinct(StringComparer.Ordinal).Where(g => !groups.Contains(g)))
                problems.Add($"device '{recipient.Name}' is in group '{name}', which is not registered as a recipient of kind group");
        }

        return problems;
    }

    /// <summary>The devices that hold <paramref name="group"/>'s private key, in file order.</summary>
    public static IReadOnlyList<Recipient> MembersOf(IReadOnlyList<Recipient> recipients, string group) =>
        recipients.Where(r => r.Kind == RecipientKind.Device && r.Groups.Contains(group, StringComparer.Ordinal)).ToList();
}
