using System.Text.Json;

namespace SecureOta.Tests.Reports;

/// <summary>One report as it reached the <see cref="FakeCollector"/>.</summary>
public sealed record PostedReport(string DeviceHeader, string MacHeader, string Body, JsonElement Json)
{
    public long Counter => Json.GetProperty("counter").GetInt64();

    public string Kind => Json.GetProperty("kind").GetString()!;

    public string Version => Json.GetProperty("version").GetString()!;

    public string Running => Json.GetProperty("running").GetString()!;

    public string? Member(string name) => Json.TryGetProperty(name, out var value) ? value.ToString() : null;
}
