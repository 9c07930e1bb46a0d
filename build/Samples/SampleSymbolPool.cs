namespace SecureOta.Build.Samples;

/// <summary>The symbols generated code may reference.</summary>
internal sealed record SampleSymbolPool(int[] Functions, int[] Strings, (int Id, int Length)[] Tables);
