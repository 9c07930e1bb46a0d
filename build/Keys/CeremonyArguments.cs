using System.Globalization;
using SecureOta.Build.Context;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Keys;

/// <summary>Argument parsing shared by the offline key ceremonies (InitRoot, SignRoot, NewKey).</summary>
public static class CeremonyArguments
{
    /// <summary>An integer argument in [min, max], or <paramref name="fallback"/> when absent.</summary>
    public static int Integer(BuildContext context, string name, int fallback, int min, int max)
    {
        var text = context.GetArgument(name);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"--{name}={text} is not a whole number from {min} to {max}.",
                $"Give --{name} a value from {min} to {max}.");
        }
        return value;
    }

    /// <summary>
    /// A path for private key output: required, and never inside the repository, so a private key can
    /// never be committed by accident.
    /// </summary>
    public static string PrivateOutput(BuildContext context, string name)
    {
        var text = context.GetArgument(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"--{name} is required: where to write the private key(s).",
                $"Give --{name}=<path> outside the repository, ideally on offline or removable storage.");
        }
        var full = Path.GetFullPath(text, context.Environment.WorkingDirectory);
        var relative = Path.GetRelativePath(context.Paths.RootDir, full);
        bool inside = relative == "." || !(relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative));
        if (inside)
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"--{name}={text} is inside the repository; private keys are never written there.",
                $"Give --{name} a path outside {context.Paths.RootDir}.");
        }
        return full;
    }

    /// <summary>
    /// A 32-byte public key given as 64 hex digits, or as the path of a file whose first non-comment
    /// line is that hex (NewKey writes such <c>.pub</c> files).
    /// </summary>
    public static byte[] PublicKey(BuildContext context, string name, string value)
    {
        var text = value;
        var path = Path.GetFullPath(value, context.Environment.WorkingDirectory);
        if (File.Exists(path))
        {
            text = File.ReadAllLines(path).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#')) ?? "";
        }
        if (text.Length != 64 || !text.All(Uri.IsHexDigit))
        {
            throw new BuildException(BuildErrorCode.InvalidKey, $"--{name}={value} is not a public key: expected 64 hex digits or a .pub file holding them.",
                "Create a key with ./build.sh --target=NewKey --out=<file> and pass its .pub file.");
        }
        return Convert.FromHexString(text);
    }

    /// <summary>
    /// Throws a command-line error unless at least one of the arguments named is given; the last
    /// string of <paramref name="namesThenWhat"/> says what they are for.
    /// </summary>
    public static void RequireAny(BuildContext context, params string[] namesThenWhat)
    {
        var names = namesThenWhat[..^1];
        if (names.Any(context.HasArgument)) return;
        var options = string.Join(" or ", names.Select(n => "--" + n));
        throw new BuildException(BuildErrorCode.InvalidArgument, $"{options} is required: {namesThenWhat[^1]}.",
            $"Give {options}; docs/OPERATIONS.md walks through each ceremony.");
    }
}
