using SecureOta.Build.Crypto;

namespace SecureOta.Tests.HostCrypto;

/// <summary>What a maintainer sees when libsodium is missing or misbehaves.</summary>
public sealed class LibSodiumAvailabilityTests
{
    [Fact]
    public void Missing_library_gives_SodiumUnavailableException_with_install_hints()
    {
        string[] names = ["libsodium-not-installed-here.so.99", "libsodium-not-installed-either"];

        SodiumUnavailableException failure = Assert.Throws<SodiumUnavailableException>(() => SodiumLibraryLoader.Load(names));

        Assert.Equal(SodiumUnavailableReason.LibraryNotFound, failure.Reason);
        Assert.Contains("libsodium-not-installed-here.so.99", failure.Message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install libsodium23", failure.Message, StringComparison.Ordinal);
        Assert.Contains("dnf install libsodium", failure.Message, StringComparison.Ordinal);
        Assert.Contains("brew install libsodium", failure.Message, StringComparison.Ordinal);
        Assert.Contains("libsodium.dll next to the build or on PATH", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_candidate_names_find_the_installed_library()
    {
        Assert.NotEqual(IntPtr.Zero, SodiumLibraryLoader.Load(SodiumLibraryLoader.DefaultCandidateNames));
    }

    [Fact]
    public void Self_test_passes_on_the_installed_library()
    {
        LibSodium.sodium_init();

        SodiumSelfTest.Run();
    }

    [Fact]
    public void Self_test_catches_a_library_that_signs_differently()
    {
        LibSodium.sodium_init();
        byte[] seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        byte[] publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] wrongSignature = Convert.FromHexString(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100c");

        SodiumUnavailableException failure = Assert.Throws<SodiumUnavailableException>(
            () => SodiumSelfTest.Run(seed, publicKey, [], wrongSignature));

        Assert.Equal(SodiumUnavailableReason.SelfTestFailed, failure.Reason);
        Assert.Contains("apt-get install libsodium23", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initialisation_from_many_threads_at_once_succeeds()
    {
        Parallel.For(0, 16, _ => LibSodium.sodium_init());

        byte[] random = new byte[32];
        LibSodium.randombytes_buf(random);
        Assert.False(random.All(b => b == 0));
    }

    [Fact]
    public void Sodium_memzero_clears_the_buffer()
    {
        byte[] buffer = [1, 2, 3, 4];

        LibSodium.sodium_memzero(buffer);

        Assert.All(buffer, b => Assert.Equal(0, b));
    }
}
