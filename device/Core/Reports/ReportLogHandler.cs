namespace SecureOta.Device.Core.Reports
{
    /// <summary>Receives one line about reporting (a report sent, kept or refused) for the device's log.</summary>
    public delegate void ReportLogHandler(string line);
}
