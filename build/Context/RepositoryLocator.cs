using SecureOta.Build.Frosting;

namespace SecureOta.Build.Context;

/// <summary>Finds the repository root: <c>--root</c>, else the nearest folder holding SecureOta.slnx.</summary>
internal static class RepositoryLocator
{
    public const string SolutionFileName = "SecureOta.slnx";

    public static string FindRoot(BuildArguments arguments, BuildEnvironment environment)
    {
        var given = arguments.GetArgument("root");
        if (given is not null)
        {
            var root = Path.GetFullPath(given, environment.WorkingDirectory);
            if (!Directory.Exists(root))
            {
                throw new BuildException(
                    BuildErrorCode.RepositoryNotFound,
                    $"--root '{given}' is not a directory.",
                    "Pass the repository's folder (the one holding SecureOta.slnx), or omit --root to search from the working directory.");
            }

            return root;
        }

        // The working directory first (build.sh runs from the root); the program's own folder covers
        // `dotnet run --project build` started from elsewhere, since bin/ sits inside the repository.
        return WalkUp(environment.WorkingDirectory)
            ?? WalkUp(environment.ApplicationDirectory)
            ?? throw new BuildException(
                BuildErrorCode.RepositoryNotFound,
                $"No {SolutionFileName} found in '{environment.WorkingDirectory}' or any folder above it.",
                "Run the build from inside the repository (./build.sh does) or pass --root=<repository folder>.");
    }

    private static string? WalkUp(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
