namespace SecureOta.Build.DeviceCost;

/// <summary>An encrypted, chained artifact and what a device knows about it from its signed manifest.</summary>
internal sealed record ArtifactInput(byte[] Bytes, byte[] Head, byte[] Iv, byte[] ContentKey, int PlainSize, byte[] ImageDigest)
{
    /// <summary>Adds the artifact's parts to <paramref name="inputs"/> under names starting with <paramref name="prefix"/>.</summary>
    public void Write(Dictionary<string, byte[]> inputs, string prefix)
    {
        inputs[prefix + ".bytes"] = Bytes;
        inputs[prefix + ".head"] = Head;
        inputs[prefix + ".iv"] = Iv;
        inputs[prefix + ".key"] = ContentKey;
        inputs[prefix + ".plainSize"] = BitConverter.GetBytes(PlainSize);
        inputs[prefix + ".imageDigest"] = ImageDigest;
    }

    /// <summary>The artifact <see cref="Write"/> added under <paramref name="prefix"/>.</summary>
    public static ArtifactInput Read(Dictionary<string, byte[]> inputs, string prefix) =>
        new(inputs[prefix + ".bytes"], inputs[prefix + ".head"], inputs[prefix + ".iv"], inputs[prefix + ".key"],
            BitConverter.ToInt32(inputs[prefix + ".plainSize"]), inputs[prefix + ".imageDigest"]);
}
