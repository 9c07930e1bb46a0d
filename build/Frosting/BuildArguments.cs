namespace SecureOta.Build.Frosting;

/// <summary>
/// The command line in Cake's syntax: <c>--name=value</c>, <c>--name value</c>, <c>--flag</c>
/// (value "true"), and Cake's one-letter aliases (<c>-t</c>, <c>-v</c>, <c>-h</c>, <c>-e</c>).
/// Names are case-insensitive. Any name is accepted so that tasks can define their own arguments;
/// the host warns at the end about arguments no task read, which catches typos without blocking.
/// </summary>
public sealed class BuildArguments
{
    private static readonly Dictionary<string, string> ShortAliases = new(StringComparer.Ordinal)
    {
        ["t"] = "target",
        ["v"] = "verbosity",
        ["h"] = "help",
        ["e"] = "exclusive",
    };

    private readonly Dictionary<string, List<string>> _values;
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _readLock = new();

    private BuildArguments(Dictionary<string, List<string>> values)
    {
        _values = values;
    }

    /// <summary>Every argument name given, in canonical (long, lower-case) form.</summary>
    public IReadOnlyCollection<string> Names => _values.Keys;

    /// <summary>Parses the command line; throws <see cref="BuildException"/> (<see cref="BuildErrorCode.InvalidArgument"/>).</summary>
    public static BuildArguments Parse(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var tokens = args.ToArray();
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < tokens.Length; i++)
        {
            var (name, inlineValue) = SplitOption(tokens[i]);
            string value;
            if (inlineValue is not null)
            {
                value = inlineValue;
            }
            else if (i + 1 < tokens.Length && !tokens[i + 1].StartsWith('-'))
            {
                value = tokens[++i];
            }
            else
            {
                value = "true";
            }

            if (!values.TryGetValue(name, out var list))
            {
                list = [];
                values.Add(name, list);
            }

            list.Add(value);
        }

        return new BuildArguments(values);
    }

    public bool HasArgument(string name)
    {
        MarkRead(name);
        return _values.ContainsKey(name);
    }

    /// <summary>The value of <paramref name="name"/>, or null when absent. When given several times the last one wins.</summary>
    public string? GetArgument(string name)
    {
        MarkRead(name);
        return _values.TryGetValue(name, out var list) ? list[^1] : null;
    }

    /// <summary>Every value given for <paramref name="name"/>, in command-line order.</summary>
    public IReadOnlyList<string> GetArguments(string name)
    {
        MarkRead(name);
        return _values.TryGetValue(name, out var list) ? list.ToArray() : [];
    }

    /// <summary>
    /// A switch such as <c>--all</c>: false when absent, true for <c>--all</c>, <c>--all=true</c> or
    /// <c>--all=</c>, false for <c>--all=false</c>; any other value is an error.
    /// </summary>
    public bool GetFlag(string name)
    {
        var value = GetArgument(name);
        if (value is null || value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (value.Length == 0 || value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        throw Invalid($"--{name} is a switch: give it no value, 'true' or 'false', not '{value}'.");
    }

    /// <summary>Names that were given but never asked for by the host or any task.</summary>
    public IReadOnlyList<string> UnreadNames()
    {
        lock (_readLock)
        {
            return _values.Keys.Where(name => !_read.Contains(name)).Order(StringComparer.Ordinal).ToArray();
        }
    }

    private void MarkRead(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_readLock)
        {
            _read.Add(name);
        }
    }

    private static (string Name, string? InlineValue) SplitOption(string token)
    {
        string body;
        bool isShort;
        if (token.StartsWith("--", StringComparison.Ordinal))
        {
            body = token[2..];
            isShort = false;
        }
        else if (token.StartsWith('-') && token.Length > 1)
        {
            body = token[1..];
            isShort = true;
        }
        else
        {
            throw Invalid($"Unexpected argument '{token}': arguments are written --name=value or --name value.");
        }

        var equals = body.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? body : body[..equals];
        var inlineValue = equals < 0 ? null : body[(equals + 1)..];
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
        {
            throw Invalid($"Malformed argument '{token}': the name must be letters, digits, '-' or '_'.");
        }

        if (isShort)
        {
            if (!ShortAliases.TryGetValue(name, out var longName))
            {
                throw Invalid(
                    $"Unknown short option '{token}'. Short options are {string.Join(", ", ShortAliases.Keys.Select(k => "-" + k))}; "
                    + "write other arguments as --name=value.");
            }

            name = longName;
        }

        return (name.ToLowerInvariant(), inlineValue);
    }

    private static BuildException Invalid(string problem) => new(
        BuildErrorCode.InvalidArgument,
        problem,
        "Run with --help to see the targets and options.");
}
