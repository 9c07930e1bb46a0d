namespace SecureOta.Collector;

/// <summary>
/// The collector cannot start as configured: a missing or malformed key, recipients file, database
/// setting or command-line option. The message says what is wrong and what to do.
/// </summary>
public sealed class CollectorConfigurationException(string message) : Exception(message);
