using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Build.Context;

/// <summary>Creates a <see cref="BuildContext"/> the way the host does, from arguments and an environment.</summary>
internal static class BuildContextFactory
{
    public static BuildContext Create(string workingDirectory, string[] args, Dictionary<string, string>? variables = null)
    {
        var consoles = new TestConsoles();
        return new BuildContext(new HostContext(
            new BuildLog(consoles.Output, consoles.Error, Verbosity.Normal),
            BuildArguments.Parse(args),
            TestEnvironments.Create(workingDirectory, variables)));
    }

    /// <summary>A temp folder made to look like a repository root.</summary>
    public static string MakeRepository(TempDirectory temp)
    {
        File.WriteAllText(temp.Combine("SecureOta.slnx"), "<Solution />");
        return temp.Path;
    }
}
