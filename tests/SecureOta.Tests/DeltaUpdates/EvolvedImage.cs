namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// Test images that change like firmware between releases: the next version keeps most bytes, changes a
/// few hundred scattered ones, inserts a block in the middle and grows at the end, so a patch is a small
/// fraction of the image (and the test can tell it was a patch that arrived, not the full image).
/// </summary>
internal static class EvolvedImage
{
    public static byte[] Next(byte[] image, int seed)
    {
        var random = new Random(seed);
        var next = new List<byte>(image);
        for (int i = 0; i < image.Length / 200; i++) next[random.Next(next.Count)] = (byte)random.Next(256);
        byte[] inserted = new byte[300];
        random.NextBytes(inserted);
        next.InsertRange(next.Count / 2, inserted);
        byte[] tail = new byte[2000];
        random.NextBytes(tail);
        next.AddRange(tail);
        return [.. next];
    }
}
