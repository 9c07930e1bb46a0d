namespace SecureOta.Collector.Hosting;

/// <summary>The command line is wrong (exit code 2); the message says which option and what it needs.</summary>
public sealed class CommandLineException(string message) : Exception(message);
