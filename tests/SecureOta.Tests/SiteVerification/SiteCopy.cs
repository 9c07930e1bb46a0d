using System.Text;
using SecureOta.Build.Verification;

namespace SecureOta.Tests.SiteVerification;

/// <summary>One test's copy of the fixture's site, with the ways an attacker (or a broken deploy) changes files.</summary>
public sealed class SiteCopy
{
    private readonly SiteFixture _fixture;

    internal SiteCopy(SiteFixture fixture, string siteDir)
    {
        _fixture = fixture;
        SiteDir = siteDir;
    }

    public string SiteDir { get; }

    /// <summary>The absolute path of a protocol path (<c>blobs/…</c>).</summary>
    public string PathOf(string otaPath) => Path.Combine(SiteDir, OtaPaths.OtaBase, otaPath);

    public byte[] Read(string otaPath) => File.ReadAllBytes(PathOf(otaPath));

    public void Write(string otaPath, byte[] bytes)
    {
        var path = PathOf(otaPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Flips the low bit of the byte at <paramref name="offset"/> (from the end when negative).</summary>
    public void FlipByte(string otaPath, int offset)
    {
        var bytes = Read(otaPath);
        bytes[offset >= 0 ? offset : bytes.Length + offset] ^= 0x01;
        Write(otaPath, bytes);
    }

    /// <summary>
    /// Changes one base64 character inside the JSON string member <paramref name="member"/> (its first
    /// occurrence), <paramref name="index"/> characters in: the envelope stays well formed, the bytes it
    /// carries change.
    /// </summary>
    public void ChangeBase64(string otaPath, string member, int index)
    {
        var text = Encoding.UTF8.GetString(Read(otaPath));
        var start = text.IndexOf($"\"{member}\":\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no member {member} in {otaPath}");
        var at = start + member.Length + 4 + index;
        var replaced = text[at] == 'A' ? 'B' : 'A';
        Write(otaPath, Encoding.UTF8.GetBytes(text[..at] + replaced + text[(at + 1)..]));
    }

    public void Truncate(string otaPath, int count)
    {
        var bytes = Read(otaPath);
        Write(otaPath, bytes[..^count]);
    }

    public void Append(string otaPath, params byte[] extra) => Write(otaPath, [.. Read(otaPath), .. extra]);

    public void Delete(string otaPath) => File.Delete(PathOf(otaPath));

    /// <summary>Verifies the copy with the fixture's inputs, changed by <paramref name="change"/>.</summary>
    public SiteVerificationReport Verify(Func<SiteVerifierInputs, SiteVerifierInputs>? change = null)
    {
        var inputs = _fixture.Inputs(SiteDir);
        return SiteVerifier.Verify(change is null ? inputs : change(inputs));
    }
}
