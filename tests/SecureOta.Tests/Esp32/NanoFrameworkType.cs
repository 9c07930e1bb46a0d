namespace SecureOta.Tests.Esp32;

/// <summary>A public type of a nanoFramework reference assembly and the package that ships it (null: not in the package table).</summary>
internal sealed record NanoFrameworkType(string Namespace, string Name, string Assembly, string? Package)
{
    public string FullName => Namespace.Length == 0 ? Name : Namespace + "." + Name;
}
