using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;
using SecureOta.Device.Core.Envelopes;

namespace SecureOta.Build.Approvals;

/// <summary>
/// <c>releases/&lt;version&gt;/approval.json</c>: the release's approval envelope as maintainers commit it for
/// review (docs/PROTOCOL.md section 6a). Each maintainer's Approve run adds one signature over the same
/// payload; the build publishes the envelope inside the channel manifest.
/// </summary>
public static class ApprovalFile
{
    /// <summary>The approval file of a release folder.</summary>
    public static string PathOf(Release release) => Path.Combine(release.Directory, ReleaseLimits.ApprovalFileName);

    /// <summary>The envelope bytes, or null when the release has no approval file yet.</summary>
    public static byte[]? Read(Release release, Func<string, string> display)
    {
        var path = PathOf(release);
        if (!File.Exists(path)) return null;
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BuildException(BuildErrorCode.FileSystem, $"Could not read {display(path)}: {exception.Message}",
                "Check the file's permissions and run the build again.", exception);
        }
    }

    /// <summary>
    /// The signatures of an existing approval to keep: those over exactly <paramref name="payload"/> (an
    /// approval of another payload, such as an image that changed since, is replaced whole). Empty when
    /// there is no file or it does not parse.
    /// </summary>
    public static Dictionary<string, byte[]> SignaturesOver(byte[]? existing, byte[] payload)
    {
        var kept = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (existing is null || !EnvelopeParser.TryParse(existing, out var envelope, out _)) return kept;
        if (!envelope.Payload.AsSpan().SequenceEqual(payload)) return kept;
        for (int i = 0; i < envelope.SignatureCount; i++)
        {
            var signature = envelope.GetSignature(i);
            kept.TryAdd(signature.KeyId, signature.Signature);
        }
        return kept;
    }
}
