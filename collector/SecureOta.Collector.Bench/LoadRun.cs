using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace SecureOta.Collector.Bench;

/// <summary>
/// Drives one collector: <c>concurrency</c> workers on one HTTP/1.1 connection each, each owning a
/// share of the devices (so a device's counter only grows, as on a real device), for a fixed time,
/// recording every request's latency. Stops by itself at the deadline.
/// </summary>
public static class LoadRun
{
    public static async Task<(long Stored, long Refused, TimeSpan Window, double[] LatenciesMs)> DriveAsync(
        Uri baseUrl, IReadOnlyList<BenchDevice> devices, int concurrency, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = devices.Where((_, i) => i % concurrency == worker).ToList();
            var latencies = new List<double>(4096);
            long stored = 0, refused = 0;
            for (int next = 0; deadline.Elapsed < duration && mine.Count > 0; next = (next + 1) % mine.Count)
            {
                var device = mine[next];
                var (body, mac) = device.NextReport();
                using var request = new HttpRequestMessage(HttpMethod.Post, "v1/reports") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("X-SecureOta-Device", device.Id);
                request.Headers.Add("X-SecureOta-Mac", mac);
                long start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.NoContent) stored++;
                else refused++;
            }
            return (stored, refused, latencies);
        })).ToList();

        var results = await Task.WhenAll(workers);
        var window = deadline.Elapsed;
        return (results.Sum(r => r.stored), results.Sum(r => r.refused), window,
            results.SelectMany(r => r.latencies).Order().ToArray());
    }

    /// <summary>The <paramref name="percentile"/> (0-100) of sorted values, nearest rank.</summary>
    public static double Percentile(double[] sorted, double percentile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
