using System.Globalization;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Context;

/// <summary>
/// The typed build context: everything read from the command line and the environment, parsed
/// once when the build starts, plus the state tasks hand to each other. It is partial so that each
/// area keeps its state in its own file (BuildContext.&lt;Area&gt;.cs), like <see cref="Releases"/>.
/// </summary>
public sealed partial class BuildContext : FrostingContext
{
    public BuildContext(IFrostingContext context)
        : base(context)
    {
        Paths = BuildPaths.Resolve(Arguments, Environment);
        (Now, NowSource) = BuildTime.Resolve(Arguments, Environment);
        Log.Verbose("Repository root: {0}", Paths.RootDir);
        Log.Verbose(
            "Build time: {0} (from {1})",
            Now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            NowSource);
    }

    public BuildPaths Paths { get; }

    /// <summary>
    /// The build's "now" (UTC, whole seconds) for issued/expiry times and anything else time-stamped:
    /// <c>--now</c>, else SOURCE_DATE_EPOCH, else the clock. Tasks never read the clock themselves.
    /// </summary>
    public DateTimeOffset Now { get; }

    public BuildTimeSource NowSource { get; }

    /// <summary>True when <c>--name</c> was given (with or without a value).</summary>
    public bool HasArgument(string name) => Arguments.HasArgument(name);

    /// <summary>The value of <c>--name</c>, or null; the last one wins when given several times.</summary>
    public string? GetArgument(string name) => Arguments.GetArgument(name);

    /// <summary>Every value of <c>--name</c>, in order.</summary>
    public IReadOnlyList<string> GetArguments(string name) => Arguments.GetArguments(name);

    /// <summary>A switch: false when absent, true for <c>--name</c> or <c>--name=true</c>, false for <c>--name=false</c>.</summary>
    public bool GetFlag(string name) => Arguments.GetFlag(name);
}
