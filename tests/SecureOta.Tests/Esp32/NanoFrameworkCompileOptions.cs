using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SecureOta.Tests.Esp32;

/// <summary>What the compiler needs from a project file besides its sources and references.</summary>
internal sealed record NanoFrameworkCompileOptions(string Assembly, LanguageVersion Language, OutputKind Kind,
    IReadOnlyList<string> Defines, bool AllowUnsafe)
{
    /// <summary>A C# 7.3 library, as the device projects are (for synthetic sources in tests).</summary>
    public static NanoFrameworkCompileOptions Library(string assembly) =>
        new(assembly, LanguageVersion.CSharp7_3, OutputKind.DynamicallyLinkedLibrary, [], AllowUnsafe: false);
}
