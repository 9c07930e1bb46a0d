namespace SecureOta.Build.Frosting;

/// <summary>
/// One thing wrong with one input, reported as part of a <see cref="BuildException"/>.
/// <paramref name="File"/> is the input's path relative to the repository (forward slashes), so
/// the message is the same on every machine.
/// </summary>
public sealed record BuildProblem(string File, string Message)
{
    public override string ToString() => $"{File}: {Message}";
}
