using System.Diagnostics;
using SecureOta.Build.Crypto;

namespace SecureOta.Tests.HostCrypto;

/// <summary>
/// The build's crypto needs no system libsodium: NSec loads the copy its libsodium package ships under the
/// build's runtimes/ folder, whatever the machine has installed.
/// </summary>
public sealed class BundledLibSodiumTests
{
    [Fact]
    public void Signing_loads_the_libsodium_that_ships_with_the_build_not_a_system_copy()
    {
        using Ed25519KeyPair keyPair = Ed25519KeyPair.Generate();
        Assert.True(Ed25519KeyPair.Verify(keyPair.PublicKey, [1], keyPair.Sign([1])));

        string[] loaded = LoadedSodiumModules();

        Assert.NotEmpty(loaded);
        string bundled = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "runtimes"));
        Assert.All(loaded, path => Assert.StartsWith(bundled, Path.GetFullPath(path), StringComparison.Ordinal));
    }

    [Fact]
    public void Key_pairs_are_generated_and_used_from_many_threads_at_once()
    {
        byte[][] publicKeys = new byte[16][];

        Parallel.For(0, publicKeys.Length, i =>
        {
            using Ed25519KeyPair signer = Ed25519KeyPair.Generate();
            using X25519KeyPair wrapper = X25519KeyPair.Generate();
            using X25519KeyPair peer = X25519KeyPair.Generate();
            Assert.True(Ed25519KeyPair.Verify(signer.PublicKey, [2], signer.Sign([2])));
            Assert.Equal(wrapper.SharedSecret(peer.PublicKey), peer.SharedSecret(wrapper.PublicKey));
            publicKeys[i] = signer.PublicKey;
        });

        Assert.Equal(publicKeys.Length, publicKeys.Select(Convert.ToHexString).Distinct().Count());
    }

    [Theory]
    [InlineData(31, 64)]
    [InlineData(32, 63)]
    [InlineData(33, 65)]
    public void Verify_calls_keys_and_signatures_of_the_wrong_length_invalid(int keyLength, int signatureLength)
    {
        Assert.False(Ed25519KeyPair.Verify(new byte[keyLength], [1], new byte[signatureLength]));
    }

    private static string[] LoadedSodiumModules()
    {
        using Process self = Process.GetCurrentProcess();
        return self.Modules.Cast<ProcessModule>()
            .Select(module => module.FileName)
            .Where(path => Path.GetFileName(path).Contains("sodium", StringComparison.OrdinalIgnoreCase))
            .ToArray();
    }
}
