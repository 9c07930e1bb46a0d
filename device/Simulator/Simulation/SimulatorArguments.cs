using System.Globalization;
using System.Text.RegularExpressions;
using SecureOta.Device.Host.Http;

namespace SecureOta.Device.Simulation;

/// <summary>
/// The simulator's command line (see <see cref="SimulatorUsage"/>): <c>--name value</c> or
/// <c>--name=value</c>. Every mistake is a <see cref="SimulatorException"/> that names the option and
/// says what to give instead. Files named on the command line are read here, so a wrong path fails
/// before the device touches its state folder.
/// </summary>
public static partial class SimulatorArguments
{
    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "site", "ca", "extra-ca", "state-dir", "channel", "root", "image", "security-version", "device-key", "polls", "interval", "trial-boots",
    };

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "never-confirm", "help" };

    // Only --ca and --extra-ca may be given several times: each adds a CA.
    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal) { "ca", "extra-ca" };

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex ChannelName();

    /// <summary>True when the command line asks for help (-h, --help).</summary>
    public static bool IsHelp(IReadOnlyList<string> args) => args.Any(a => a is "-h" or "--help");

    /// <summary>Parses and checks the command line; relative paths are resolved against <paramref name="workingDirectory"/>.</summary>
    public static SimulatorSettings Parse(IReadOnlyList<string> args, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        var values = Collect(args);
        string Required(string name, string what) => values.TryGetValue(name, out var list) ? list[0]
            : throw new SimulatorException(SimulatorError.MissingOption, $"--{name} is missing.", $"Give --{name} <{what}> (see --help).");
        string? Optional(string name) => values.TryGetValue(name, out var list) ? list[0] : null;
        string FullPath(string path) => Path.GetFullPath(path, workingDirectory);

        var site = ParseSite(Required("site", "https URL of the site's ota/v2/"));
        Required("ca", "PEM root CA file");
        var caPems = values["ca"].Select(file => ReadCa(FullPath(file), file)).ToList();
        var extraCaPems = values.TryGetValue("extra-ca", out var extra) ? extra.Select(file => ReadCa(FullPath(file), file)).ToList() : [];
        var stateDir = FullPath(Required("state-dir", "folder"));
        var channel = Optional("channel") ?? "stable";
        if (!ChannelName().IsMatch(channel))
            throw Invalid("channel", channel, "a channel name is 1 to 32 characters of a-z, 0-9 and '-' (e.g. stable, beta)");

        var root = Optional("root") is { } rootFile ? ReadFile(FullPath(rootFile), "--root", "root metadata version 1") : null;
        var image = Optional("image") is { } imageFile ? RequireFile(FullPath(imageFile), "--image", "the first application image") : null;
        var deviceKeyFile = Optional("device-key") is { } keyFile ? FullPath(keyFile) : null;
        return new SimulatorSettings
        {
            SiteUrl = site,
            ProvisionedCaPems = caPems,
            ExtraCaPems = extraCaPems,
            StateDir = stateDir,
            Channel = channel,
            ProvisionRoot = root,
            ProvisionImageFile = image,
            ProvisionSecurityVersion = Number(Optional("security-version"), "security-version", 0, uint.MaxValue, 0),
            DeviceKey = deviceKeyFile is null ? null : DeviceKeyFile.Read(deviceKeyFile),
            DeviceKeySource = deviceKeyFile,
            App = values.ContainsKey("never-confirm") ? SimulatedAppBehaviour.NeverConfirms : SimulatedAppBehaviour.ConfirmsAfterHealthCheck,
            Polls = Optional("polls") is { } polls ? (int)Number(polls, "polls", 0, 100_000, 0) : null,
            PollInterval = TimeSpan.FromSeconds(Number(Optional("interval"), "interval", 0, 86_400, 0)),
            MaxTrialBoots = (int)Number(Optional("trial-boots"), "trial-boots", 1, 255, Core.Boot.BootManager.DefaultMaxTrialBoots),
        };
    }

    private static Dictionary<string, List<string>> Collect(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new SimulatorException(SimulatorError.UnknownOption, $"Unexpected argument '{arg}'.",
                    "Every argument is an option such as --site <url>; see --help.");
            }
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? arg[2..] : arg[2..equals];
            string? value = equals < 0 ? null : arg[(equals + 1)..];
            if (Flags.Contains(name))
            {
                if (value is not null) throw new SimulatorException(SimulatorError.InvalidValue, $"--{name} takes no value.", $"Write --{name} alone.");
                value = "";
            }
            else if (ValueOptions.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        throw new SimulatorException(SimulatorError.MissingValue, $"--{name} needs a value.", $"Write --{name} <value> or --{name}=<value>.");
                    value = args[++i];
                }
                if (value.Length == 0) throw new SimulatorException(SimulatorError.MissingValue, $"--{name} is empty.", $"Give --{name} a value or leave it out.");
            }
            else
            {
                throw new SimulatorException(SimulatorError.UnknownOption, $"Unknown option --{name}.",
                    "Known options: " + string.Join(", ", ValueOptions.Concat(Flags).Order(StringComparer.Ordinal).Select(o => "--" + o)) + ".");
            }
            if (!values.TryGetValue(name, out var list)) values[name] = list = [];
            else if (!Repeatable.Contains(name))
                throw new SimulatorException(SimulatorError.RepeatedOption, $"--{name} is given more than once.", $"Give --{name} once.");
            list.Add(value);
        }
        return values;
    }

    private static Uri ParseSite(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
            throw Invalid("site", text, "it is not an absolute URL; give the site's OTA base URL, e.g. https://owner.github.io/repo/ota/v2/");
        if (url.Scheme != Uri.UriSchemeHttps)
            throw Invalid("site", text, "the device speaks https only (its TLS is pinned to the root's CAs); use the https:// URL");
        if (url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
            throw Invalid("site", text, "the OTA base URL has no user name, query or fragment");
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private static string ReadCa(string path, string given)
    {
        var text = System.Text.Encoding.UTF8.GetString(ReadFile(path, "--ca", "a PEM root CA certificate"));
        try
        {
            PinnedAnchorSet.FromPem([text]);
        }
        catch (ArgumentException e)
        {
            string why = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            throw new SimulatorException(SimulatorError.InvalidCaFile, $"--ca {given} cannot be pinned: {why}",
                "Give the PEM file of a root CA that issues the site's certificate chain (for the local demo: .demo-keys/TEST-local-ca/TEST-local-root-ca.pem).", e);
        }
        return text;
    }

    private static byte[] ReadFile(string path, string option, string what)
    {
        RequireFile(path, option, what);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SimulatorException(SimulatorError.FileNotFound, $"{option} {path} cannot be read: {e.Message}", "Check its permissions.", e);
        }
    }

    private static string RequireFile(string path, string option, string what)
    {
        if (!File.Exists(path))
            throw new SimulatorException(SimulatorError.FileNotFound, $"{option} {path} does not exist.", $"Give the path of {what}.");
        return path;
    }

    private static long Number(string? text, string name, long min, long max, long fallback)
    {
        if (text is null) return fallback;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < min || value > max)
            throw Invalid(name, text, $"it must be a whole number from {min} to {max}");
        return value;
    }

    private static SimulatorException Invalid(string name, string value, string why) =>
        new(SimulatorError.InvalidValue, $"--{name} '{value}' is not usable: {why}.", $"Correct --{name} (see --help).");
}
