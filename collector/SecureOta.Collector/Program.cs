using System.Security.Cryptography;
using SecureOta.Collector;
using SecureOta.Collector.Crypto;
using SecureOta.Collector.Hosting;

// The collector's one command: parse, start, serve until Ctrl+C / SIGTERM. Exit codes as CommandLine.Usage says.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

CollectorOptions options;
bool printPublicKey;
try
{
    (options, printPublicKey) = CommandLine.Parse(args, Environment.GetEnvironmentVariable);
}
catch (CommandLineException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n\n{CommandLine.Usage}");
    return 2;
}
catch (CollectorConfigurationException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

if (printPublicKey)
{
    using var key = CollectorKey.FromPrivateKey(options.PrivateKey);
    Console.WriteLine(Convert.ToHexStringLower(key.PublicKey));
    CryptographicOperations.ZeroMemory(options.PrivateKey);
    return 0;
}

try
{
    await using var app = await CollectorApp.CreateAsync(options);
    CryptographicOperations.ZeroMemory(options.PrivateKey);
    await app.RunAsync();
    return 0;
}
catch (CollectorConfigurationException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
