namespace SecureOta.Collector.Reports;

/// <summary>A report body that breaks contract section 2; the message says which rule (answered 400).</summary>
public sealed class ReportFormatException(string message) : Exception(message);
