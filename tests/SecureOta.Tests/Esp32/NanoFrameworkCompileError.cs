namespace SecureOta.Tests.Esp32;

/// <summary>
/// One compile error of a device project, said the way a reader fixes it: where, which API (the
/// source text the compiler stopped at), what to do (for a type nanoFramework keeps in a package of
/// its own: the package that provides it) and the compiler's own message.
/// </summary>
internal sealed record NanoFrameworkCompileError(string File, int Line, int Column, string Id, string Api, string? Advice, string Message)
{
    public override string ToString() =>
        $"{File}({Line},{Column}): {Id} '{Api}': " + (Advice == null ? Message : Advice + " [" + Message + "]");
}
