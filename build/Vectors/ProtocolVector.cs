namespace SecureOta.Build.Vectors;

/// <summary>
/// One test vector of docs/PROTOCOL.md section 12: a name, a title, and ordered label/value lines
/// (inputs first, then outputs). Values are lowercase hex unless the label says otherwise.
/// </summary>
public sealed record ProtocolVector(string Name, string Title, IReadOnlyList<KeyValuePair<string, string>> Lines);
