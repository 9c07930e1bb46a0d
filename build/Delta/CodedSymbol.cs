namespace SecureOta.Build.Delta;

/// <summary>One symbol of a segment with the extra bits that follow it (alphabet -1: raw bits only).</summary>
internal readonly record struct CodedSymbol(sbyte Alphabet, short Symbol, uint Extra, byte ExtraBits, PatchCostCategory Category);
