using SecureOta.Build.Context;
using SecureOta.Build.Crypto;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;

namespace SecureOta.Build.Fleet;

/// <summary>
/// What the fleet targets share: load keys/recipients.json, apply one <see cref="RecipientEditor"/>
/// rule, write the file back in canonical form, and print the entries touched, the warnings and the
/// next step. Reads public keys only.
/// </summary>
public static class RecipientCommand
{
    public const string NameArgument = "name";
    public const string KeyArgument = "key";
    public const string GroupArgument = "group";

    public static RecipientChange Run(BuildContext context, Func<IReadOnlyList<Recipient>, RecipientChange> edit)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(edit);
        var path = Path.Combine(context.Paths.KeysDir, RecipientRegistry.FileName);
        var display = context.Paths.Display(path);
        var change = edit(RecipientRegistry.Load(context.Paths.KeysDir, display));
        bool written = ReviewedFile.Replace(path, RecipientFileWriter.Write(change.After));

        var table = SummaryTable.Create("Name", "Kind", "Recipient id", "Groups", "Change");
        foreach (var (recipient, action) in change.Touched)
        {
            table.Row(recipient.Name, recipient.KindName, recipient.Id[..16], string.Join(", ", recipient.Groups), action);
        }

        context.Log.Information(SummaryTable.Render(table));
        foreach (var warning in change.Warnings) context.Log.Warning("{0}", warning);
        context.Log.Verbose("{0} now registers {1} recipient(s): {2} device(s), {3} group(s), {4} fleet key(s).", display, change.After.Count,
            change.After.Count(r => r.Kind == RecipientKind.Device), change.After.Count(r => r.Kind == RecipientKind.Group), change.After.Count(r => r.Kind == RecipientKind.Fleet));
        context.Log.Information(written
            ? $"Wrote {display}. Next: review and merge it in a pull request; releases are wrapped for the recipients it lists from the next deploy on."
            : $"{display} is unchanged.");
        return change;
    }

    /// <summary>A required single-valued argument, such as <c>--name</c>.</summary>
    public static string Required(BuildContext context, string name, string what)
    {
        var value = context.GetArgument(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"--{name} is required: {what}.", $"Give --{name}=<value>.");
        }

        return value;
    }

    /// <summary>A new recipient's name, checked against the naming rule.</summary>
    public static string NewName(BuildContext context)
    {
        var name = Required(context, NameArgument, "the recipient's name, for people (the site never shows it)");
        return RecipientRules.IsValidName(name)
            ? name
            : throw new BuildException(BuildErrorCode.InvalidArgument, $"--name={name} is not a valid recipient name.", $"Use {RecipientRules.NameRule}.");
    }

    /// <summary>
    /// <c>--key=&lt;64 hex | file.pub&gt;</c>: an X25519 public key, refused when it has low order (every
    /// device would compute an all-zero shared secret from it and refuse the wrapped key).
    /// </summary>
    public static byte[] PublicKey(BuildContext context)
    {
        var value = Required(context, KeyArgument, "the X25519 public key, as 64 hex digits or a .pub file");
        var file = Path.GetFullPath(value, context.Environment.WorkingDirectory);
        if (File.Exists(file) && PublicKeyFileKind.Declared(file) == PublicKeyFileKind.Ed25519)
        {
            // Both kinds are 64 hex digits: registered, an Ed25519 key would be used for X25519 key
            // agreement, and no device could ever open what is wrapped for it.
            throw new BuildException(BuildErrorCode.InvalidKey,
                $"--key={value} is an Ed25519 public key (a root or release signing key, says its first line); a recipient key is X25519.",
                "Use the X25519 public key the device printed at first boot, or make one with ./build.sh --target=NewKey --kind=x25519 --out=<file> and pass its .pub file.");
        }

        var key = CeremonyArguments.PublicKey(context, KeyArgument, value);
        using var probe = X25519KeyPair.Generate();
        try
        {
            probe.SharedSecret(key);
        }
        catch (ArgumentException)
        {
            throw new BuildException(BuildErrorCode.InvalidKey, $"--key={value} has low order: no wrapped key made for it could ever be opened.",
                "Use the X25519 public key the device generated itself, or one from ./build.sh --target=NewKey --kind=x25519.");
        }

        return key;
    }
}
