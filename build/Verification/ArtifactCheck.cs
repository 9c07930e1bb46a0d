using System.Security.Cryptography;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Verification;

/// <summary>
/// Step 3 of <see cref="SiteVerifier"/> for one artifact a verified manifest names (a full image, or a
/// delta patch for <see cref="DeltaCheck"/>): the blob is streamed
/// through the device core's <see cref="RecordChainReader"/> exactly as a device receives a 200
/// response (A1 length, A2 each record's digest, A3 decrypt, A5 chain end, length and image digest),
/// stopping at the first bad record; and its SHA-256 must be its name (S4), which a device never checks.
/// </summary>
internal sealed class ArtifactCheck
{
    private readonly SiteFiles _files;
    private readonly ProblemLog _problems;
    private readonly RecordChainReader _reader;
    private readonly byte[] _spill = new byte[1 << 16];

    public ArtifactCheck(SiteFiles files, ProblemLog problems, IHmacSha256 hmac, IAes128 aes)
    {
        _files = files;
        _problems = problems;
        _reader = new RecordChainReader(hmac, aes);
    }

    /// <summary>
    /// Verifies the blob of <paramref name="artifact"/>; with no <paramref name="contentKey"/> only its name
    /// is checked (the missing key is reported by <see cref="WrappedKeyCheck"/>). True when every check passed.
    /// </summary>
    public bool Run(ManifestArtifact artifact, byte[] imageDigest, byte[]? contentKey) => Run(artifact, imageDigest, contentKey, null);

    /// <summary>
    /// Verifies a delta patch's blob like <see cref="Run(ManifestArtifact, byte[], byte[])"/> but without an image
    /// digest (its plain bytes are a patch, section 11a), and copies its decrypted plain bytes into
    /// <paramref name="patch"/>. True when every record and the name verified.
    /// </summary>
    public bool RunPatch(ManifestArtifact artifact, byte[]? contentKey, Stream patch) => Run(artifact, null, contentKey, patch);

    private bool Run(ManifestArtifact artifact, byte[]? imageDigest, byte[]? contentKey, Stream? plain)
    {
        using var stream = _files.Open(artifact.Path, artifact.IsDelta ? "the channel manifest names it as a delta patch" : "the channel manifest names it");
        if (stream is null) return false;
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        bool ok = contentKey is null || ReadRecords(stream, sha256, artifact, imageDigest, contentKey, plain);
        HashRest(stream, sha256);
        var actual = sha256.GetHashAndReset();
        if (!CryptographicOperations.FixedTimeEquals(actual, artifact.Sha256))
        {
            _problems.Add(artifact.Path, SiteSteps.BlobName,
                $"its SHA-256 is {Convert.ToHexStringLower(actual)}, not its name (the manifest's sha256); the blob was altered after it was written.");
            ok = false;
        }
        return ok && contentKey is not null;
    }

    private bool ReadRecords(FileStream stream, IncrementalHash sha256, ManifestArtifact artifact, byte[]? imageDigest, byte[] contentKey, Stream? plain)
    {
        var start = RecordChainPosition.AtStart(artifact.Head, artifact.Iv);
        if (imageDigest is null) _reader.StartWithoutImageDigest(artifact.PlainSize, contentKey, start);
        else _reader.Start(artifact.PlainSize, imageDigest, contentKey, start);
        try
        {
            VerificationFailure failure;
            while (!_reader.IsComplete)
            {
                int index = _reader.RecordIndex;
                int count = ReadUpTo(stream, _reader.Buffer, _reader.RecordLength);
                // Hash before the reader decrypts the buffer in place.
                sha256.AppendData(_reader.Buffer, 0, count);
                if (!_reader.TryProcessRecord(count, out failure))
                {
                    _problems.Add(artifact.Path, failure, " record " + index);
                    return false;
                }
                plain?.Write(_reader.Buffer, 0, _reader.PlainLength);
            }

            // A device reading a 200 response sees any byte after the last record (A1, too long).
            int extra = ReadUpTo(stream, _reader.Buffer, _reader.Buffer.Length);
            if (extra > 0)
            {
                sha256.AppendData(_reader.Buffer, 0, extra);
                if (_reader.TryProcessRecord(extra, out failure))
                    throw new InvalidOperationException("the record chain reader accepted bytes after the last record");
                _problems.Add(artifact.Path, failure);
                return false;
            }
            if (_reader.TryFinish(out failure)) return true;
            _problems.Add(artifact.Path, failure);
            return false;
        }
        finally
        {
            _reader.Clear();
        }
    }

    private void HashRest(FileStream stream, IncrementalHash sha256)
    {
        int read;
        while ((read = stream.Read(_spill, 0, _spill.Length)) > 0) sha256.AppendData(_spill, 0, read);
    }

    private static int ReadUpTo(FileStream stream, byte[] buffer, int count)
    {
        int total = 0;
        int read;
        while (total < count && (read = stream.Read(buffer, total, count - total)) > 0) total += read;
        return total;
    }
}
