namespace SecureOta.Build.Publishing;

/// <summary>A content key wrapped for one recipient (docs/PROTOCOL.md section 8).</summary>
/// <param name="RecipientId">hex(SHA256(recipient X25519 public key)): the file name.</param>
/// <param name="Bytes">The 57-byte file: 0x01 || ephemeral public key E || AES-KW(KEK, CK).</param>
public sealed record WrappedKey(string RecipientId, byte[] Bytes)
{
    /// <summary>The file's path under the OTA base: <c>keys/&lt;version&gt;/&lt;recipient id&gt;</c>.</summary>
    public string SitePath(string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        return "keys/" + version + "/" + RecipientId;
    }
}
