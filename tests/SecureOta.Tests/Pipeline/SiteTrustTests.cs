using System.Security.Cryptography;
using System.Text;
using SecureOta.Build.Crypto;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Host;

namespace SecureOta.Tests.Pipeline;

/// <summary>What the site lets a device do, and what it must never give anybody.</summary>
[Collection(PipelineCollection.Name)]
public sealed class SiteTrustTests(PipelineFixture fixture)
{
    [Fact]
    public void A_device_verifies_the_site_and_decrypts_the_newest_release_to_its_image()
    {
        var site = fixture.SiteDir;
        var now = PipelineFixture.NowSeconds + 60;
        Assert.True(RootVerifier.TryLoadTrusted(File.ReadAllBytes(SiteFiles.Ota(site, "root.json")), out var root, out var failure), failure?.ToString());
        Assert.True(ChannelManifestVerifier.TryVerify(File.ReadAllBytes(SiteFiles.Ota(site, "channels", "stable.json")), root, "stable", 0, 1, now,
            out var verified, out failure), failure?.ToString());
        var release = verified.Manifest.Release;
        var device = new RecipientKey(SiteFiles.DemoDevicePrivateKey(fixture.DemoKeysDir));
        using var aes = new DotNetAes128();
        var hmac = new DotNetHmacSha256();

        var wrapped = File.ReadAllBytes(SiteFiles.Ota(site, release.WrappedKeyPath(device.Id).Split('/')));
        Assert.True(new KeyUnwrapper(hmac, aes).TryUnwrap(wrapped, device, release.KeyCheck, out var contentKey, out failure), failure?.ToString());
        var full = release.FullArtifact;
        var blob = File.ReadAllBytes(SiteFiles.Ota(site, full.Path.Split('/')));
        Assert.Equal(full.Size, blob.Length);
        var reader = new RecordChainReader(hmac, aes);
        reader.Start(full.PlainSize, release.ImageDigest, contentKey, RecordChainPosition.AtStart(full.Head, full.Iv));
        var slot = new byte[release.ImageSize];
        while (!reader.IsComplete)
        {
            Array.Copy(blob, reader.ArtifactOffset, reader.Buffer, 0, reader.RecordLength);
            Assert.True(reader.TryProcessRecord(reader.RecordLength, out failure), failure?.ToString());
            Array.Copy(reader.Buffer, 0, slot, reader.PlainOffset, reader.PlainLength);
        }

        Assert.True(reader.TryFinish(out failure), failure?.ToString());
        Assert.Equal(SiteFiles.RepositoryImages()["1.2.0"], slot);
    }

    [Fact]
    public void Site_holds_no_private_key_no_build_secret_and_no_content_key_in_any_encoding()
    {
        var demo = fixture.DemoKeysDir;
        var seed = SiteFiles.DemoContentSecret(demo);
        var device = SiteFiles.DemoDevicePrivateKey(demo);
        using var devicePair = X25519KeyPair.FromPrivateKey(device);
        var secrets = new Dictionary<string, byte[]>
        {
            ["DEMO root key"] = KeyFile.Read(Path.Combine(demo, DemoKeyStore.RootKeyFile), "DEMO root key"),
            ["DEMO release key"] = SiteFiles.DemoReleaseSeed(demo),
            ["DEMO approval key"] = KeyFile.Read(Path.Combine(demo, DemoKeyStore.ApprovalKeyFile), "DEMO approval key"),
            ["DEMO content-key secret"] = seed,
            ["DEMO device key"] = device,
        };
        foreach (var version in new[] { "1.0.0", "1.1.0", "1.2.0" })
        {
            secrets[$"content key {version}"] = ContentKeyDerivation.ContentKey(seed, version);
            secrets[$"ephemeral key {version}"] = ContentKeyDerivation.EphemeralPrivateKey(seed, version, devicePair.PublicKey);
        }

        var files = Directory.EnumerateFiles(fixture.SiteDir, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        Assert.Equal(14, files.Count);
        // The scan does find what is public: the release key's id is in every channel envelope.
        using var release = Ed25519KeyPair.FromSeed(SiteFiles.DemoReleaseSeed(demo));
        Assert.Contains(files, f => f.Value.AsSpan().IndexOf(Encoding.UTF8.GetBytes(KeyId.Of(release.PublicKey))) >= 0);
        foreach (var (name, secret) in secrets)
        {
            foreach (var (encoding, needle) in Encodings(secret))
            {
                var holder = files.FirstOrDefault(f => f.Value.AsSpan().IndexOf(needle) >= 0).Key;
                Assert.True(holder is null, $"{holder} holds the {name} ({encoding})");
            }
        }
    }

    [Fact]
    public void Release_target_with_a_release_key_signs_with_it_and_wraps_for_the_registered_recipients_only()
    {
        var keys = fixture.RealKeys;
        var site = Path.Combine(fixture.NewFolder("release"), "site");
        var environment = new Dictionary<string, string> { [ReleaseKeySource.EnvironmentVariable] = Convert.ToBase64String(keys.ReleaseSeeds[0]) };

        var run = PipelineRun.Execute(["--target=Release", .. fixture.Arguments(site), .. keys.KeyArguments], environment).AssertSucceeded();

        Assert.False(run.Context!.Keys.IsDemo);
        Assert.Equal(File.ReadAllBytes(Path.Combine(keys.KeysDir, "root", "1.json")), File.ReadAllBytes(SiteFiles.Ota(site, "root.json")));
        var keyFiles = Directory.GetFiles(SiteFiles.Ota(site, "keys"), "*", SearchOption.AllDirectories);
        Assert.Equal(3, keyFiles.Length);
        Assert.Single(keyFiles.Select(Path.GetFileName).Distinct());
        Assert.DoesNotContain(SiteFiles.DemoDeviceId(fixture.DemoKeysDir), keyFiles.Select(Path.GetFileName));
        Assert.DoesNotContain("DEMO", File.ReadAllText(Path.Combine(site, "index.html")), StringComparison.Ordinal);
        using var signer = Ed25519KeyPair.FromSeed(keys.ReleaseSeeds[0]);
        Assert.Contains(KeyId.Of(signer.PublicKey), File.ReadAllText(SiteFiles.Ota(site, "channels", "stable.json")), StringComparison.Ordinal);
    }

    private static IEnumerable<(string Encoding, byte[] Needle)> Encodings(byte[] secret)
    {
        yield return ("raw bytes", secret);
        yield return ("lowercase hex", Encoding.UTF8.GetBytes(Convert.ToHexStringLower(secret)));
        yield return ("uppercase hex", Encoding.UTF8.GetBytes(Convert.ToHexString(secret)));
        var base64 = Convert.ToBase64String(secret);
        yield return ("base64", Encoding.UTF8.GetBytes(base64.TrimEnd('=')));
        yield return ("base64url", Encoding.UTF8.GetBytes(base64.TrimEnd('=').Replace('+', '-').Replace('/', '_')));
        yield return ("SHA-256 of the key", Encoding.UTF8.GetBytes(Convert.ToHexStringLower(SHA256.HashData(secret))));
    }
}
