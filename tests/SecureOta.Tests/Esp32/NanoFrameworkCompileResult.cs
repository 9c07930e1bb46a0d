using Microsoft.CodeAnalysis;

namespace SecureOta.Tests.Esp32;

/// <summary>The outcome of compiling one device project (or a synthetic source set) for nanoFramework.</summary>
internal sealed class NanoFrameworkCompileResult(string project, string assembly, int files, int warnings, long milliseconds,
    IReadOnlyList<NanoFrameworkCompileError> errors, MetadataReference reference)
{
    public string Project { get; } = project;

    public string Assembly { get; } = assembly;

    public int Files { get; } = files;

    public int Warnings { get; } = warnings;

    public long Milliseconds { get; } = milliseconds;

    public IReadOnlyList<NanoFrameworkCompileError> Errors { get; } = errors;

    /// <summary>The emitted assembly, or (when it has errors) the compilation itself, so dependents still report their own errors.</summary>
    public MetadataReference Reference { get; } = reference;

    public string Summary =>
        $"{Project}: {Errors.Count} errors, {Warnings} warnings ({Files} files, assembly {Assembly}, {Milliseconds} ms)";

    public string Report => Summary + string.Concat(Errors.Select(e => "\n  " + e));
}
