using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;

namespace SecureOta.Build.Fleet;

/// <summary>
/// The rules of the fleet targets (AddDevice, RemoveDevice, AddGroup, RemoveGroup, AddToGroup,
/// RemoveFromGroup, RotateGroupKey), without I/O: each takes the registered recipients in file order
/// and returns the new list (new entries at the end, everything else in place) or throws a
/// <see cref="BuildException"/> saying what to do instead. The result always passes
/// <see cref="RecipientRules"/>.
/// </summary>
public static class RecipientEditor
{
    public static RecipientChange AddDevice(IReadOnlyList<Recipient> recipients, string name, byte[] publicKey, IReadOnlyList<string> groups)
    {
        var device = new Recipient(name, RecipientKind.Device, publicKey) { Groups = [.. groups] };
        foreach (var group in groups) RequireGroup(recipients, group);
        return Checked([.. recipients, RequireNew(recipients, device)], [(device, "added")], []);
    }

    public static RecipientChange AddGroup(IReadOnlyList<Recipient> recipients, string name, byte[] publicKey, RecipientKind kind)
    {
        if (kind == RecipientKind.Device) throw new ArgumentException("a group or fleet key", nameof(kind));
        var group = new Recipient(name, kind, publicKey);
        return Checked([.. recipients, RequireNew(recipients, group)], [(group, "added")],
            [kind == RecipientKind.Fleet
                ? $"Give the private key of fleet key '{name}' to every device when you provision it."
                : $"Give the private key of group '{name}' to each device that should hold it when you provision it; record registered members with ./build.sh --target=AddToGroup --group={name} --name=<device>."]);
    }

    /// <summary>Removes a device (<paramref name="device"/> true) or a group or fleet key (false), and every membership in a removed group.</summary>
    public static RecipientChange Remove(IReadOnlyList<Recipient> recipients, string name, bool device)
    {
        var entry = Find(recipients, name);
        if ((entry.Kind == RecipientKind.Device) != device)
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"'{name}' is a {entry.KindName}, not a {(device ? "device" : "group or fleet key")}.",
                device ? $"Remove it with ./build.sh --target=RemoveGroup --name={name}." : $"Remove it with ./build.sh --target=RemoveDevice --name={name}.");
        }

        var after = recipients.Where(r => r != entry)
            .Select(r => r.Groups.Contains(name, StringComparer.Ordinal) ? r with { Groups = [.. r.Groups.Where(g => g != name)] } : r)
            .ToList();
        var warnings = device
            ? StillHeld(recipients, entry, entry.Groups)
            : [$"Releases built from now on are not wrapped for {entry.KindName} '{name}': a device that holds only its key cannot decrypt them."];
        return Checked(after, [(entry, "removed")], warnings);
    }

    public static RecipientChange AddToGroup(IReadOnlyList<Recipient> recipients, string group, IReadOnlyList<string> devices)
    {
        RequireGroup(recipients, group);
        var touched = new List<(Recipient, string)>();
        var after = recipients.ToList();
        foreach (var name in RequireSome(devices))
        {
            var device = RequireDevice(recipients, name);
            if (device.Groups.Contains(group, StringComparer.Ordinal))
            {
                throw new BuildException(BuildErrorCode.InvalidArgument, $"Device '{name}' is already in group '{group}'.", "Leave it out of --name.");
            }

            var updated = device with { Groups = [.. device.Groups, group] };
            after[after.IndexOf(device)] = updated;
            touched.Add((updated, $"joined {group}"));
        }

        return Checked(after, touched, [$"Each device added must hold the private key of group '{group}' (provision it); the file only records that it does."]);
    }

    public static RecipientChange RemoveFromGroup(IReadOnlyList<Recipient> recipients, string group, IReadOnlyList<string> devices)
    {
        RequireGroup(recipients, group);
        var touched = new List<(Recipient, string)>();
        var after = recipients.ToList();
        var warnings = new List<string>();
        foreach (var name in RequireSome(devices))
        {
            var device = RequireDevice(recipients, name);
            if (!device.Groups.Contains(group, StringComparer.Ordinal))
            {
                throw new BuildException(BuildErrorCode.InvalidArgument, $"Device '{name}' is not in group '{group}'.",
                    $"Check the name; the members of '{group}' are: {Names(RecipientRules.MembersOf(recipients, group))}.");
            }

            var updated = device with { Groups = [.. device.Groups.Where(g => g != group)] };
            after[after.IndexOf(device)] = updated;
            touched.Add((updated, $"left {group}"));
        }

        warnings.Add($"The devices removed still hold the private key of group '{group}' and can decrypt every release wrapped for it: " +
            $"rotate it (./build.sh --target=NewKey --kind=x25519 --out=<file>, then --target=RotateGroupKey --name={group} --key=<file>.pub) " +
            "and give the new private key to the remaining members.");
        return Checked(after, touched, warnings);
    }

    public static RecipientChange RotateGroupKey(IReadOnlyList<Recipient> recipients, string group, byte[] publicKey)
    {
        var entry = RequireGroup(recipients, group, orFleet: true);
        if (entry.PublicKey.AsSpan().SequenceEqual(publicKey))
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"The key given is already the key of group '{group}'.",
                "Make a new key with ./build.sh --target=NewKey --kind=x25519 --out=<file> and pass its .pub file.");
        }

        var updated = entry with { PublicKey = (byte[])publicKey.Clone() };
        var after = recipients.Select(r => r == entry ? updated : r).ToList();
        var members = RecipientRules.MembersOf(recipients, group);
        return Checked(after, [(updated, "new key")],
            [$"Releases built from now on are wrapped for the new key only: give its private key to the members ({Names(members)}) " +
             "and to any unregistered device that should keep decrypting through this group."]);
    }

    private static List<string> StillHeld(IReadOnlyList<Recipient> recipients, Recipient device, IReadOnlyList<string> groups)
    {
        var warnings = new List<string>();
        foreach (var group in groups)
        {
            warnings.Add($"'{device.Name}' still holds the private key of group '{group}' and can decrypt every release wrapped for it: rotate it " +
                $"(./build.sh --target=NewKey --kind=x25519 --out=<file>, then --target=RotateGroupKey --name={group} --key=<file>.pub).");
        }

        foreach (var fleet in recipients.Where(r => r.Kind == RecipientKind.Fleet))
        {
            warnings.Add($"Every device holds the fleet key '{fleet.Name}', so '{device.Name}' can still decrypt releases wrapped for it: rotate it with RotateGroupKey --name={fleet.Name}.");
        }

        return warnings;
    }

    private static RecipientChange Checked(List<Recipient> after, IReadOnlyList<(Recipient, string)> touched, IReadOnlyList<string> warnings)
    {
        var problems = RecipientRules.Check(after);
        return problems.Count == 0
            ? new RecipientChange(after, touched, warnings)
            : throw new BuildException(BuildErrorCode.InvalidRecipients, "The change would make keys/recipients.json invalid.",
                "Fix keys/recipients.json first (the problems are listed), then run the target again.",
                problems.Select(p => new BuildProblem("keys/recipients.json", p)).ToList());
    }

    private static Recipient RequireNew(IReadOnlyList<Recipient> recipients, Recipient entry)
    {
        if (recipients.FirstOrDefault(r => r.Name == entry.Name) is { } named)
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"A {named.KindName} named '{entry.Name}' is already registered.",
                "Choose another --name, or remove the old entry first.");
        }

        if (recipients.FirstOrDefault(r => r.Id == entry.Id) is { } keyed)
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"This public key is already registered as {keyed.KindName} '{keyed.Name}'.",
                "Every recipient needs its own key: check that --key is the right file.");
        }

        return entry;
    }

    private static Recipient Find(IReadOnlyList<Recipient> recipients, string name) =>
        recipients.FirstOrDefault(r => r.Name == name) ?? throw new BuildException(BuildErrorCode.InvalidArgument,
            $"No recipient named '{name}' is registered in keys/recipients.json.", "Check the name (names are case-sensitive).");

    private static Recipient RequireDevice(IReadOnlyList<Recipient> recipients, string name)
    {
        var entry = Find(recipients, name);
        return entry.Kind == RecipientKind.Device ? entry : throw new BuildException(BuildErrorCode.InvalidArgument,
            $"'{name}' is a {entry.KindName}; only devices are members of groups.", "Give the names of registered devices.");
    }

    /// <summary>The registered group <paramref name="name"/> (or fleet key, when <paramref name="orFleet"/>: it can be rotated, but has no listed members).</summary>
    private static Recipient RequireGroup(IReadOnlyList<Recipient> recipients, string name, bool orFleet = false)
    {
        var entry = recipients.FirstOrDefault(r => r.Name == name);
        if (entry is not null && (entry.Kind == RecipientKind.Group || (orFleet && entry.Kind == RecipientKind.Fleet)))
        {
            return entry;
        }

        throw new BuildException(BuildErrorCode.InvalidArgument,
            entry is null ? $"No group named '{name}' is registered in keys/recipients.json." : $"'{name}' is a {entry.KindName}, not a group.",
            entry is null ? $"Register it first with ./build.sh --target=AddGroup --name={name} --key=<file.pub>." : "Give the name of a registered group.");
    }

    private static IReadOnlyList<string> RequireSome(IReadOnlyList<string> names) =>
        names.Count > 0 ? names : throw new BuildException(BuildErrorCode.InvalidArgument, "--name is required: the device(s) to change.",
            "Give --name=<device> (repeat it for several devices).");

    private static string Names(IReadOnlyList<Recipient> recipients) =>
        recipients.Count == 0 ? "none registered" : string.Join(", ", recipients.Select(r => r.Name));
}
