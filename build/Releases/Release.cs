using System.Collections.Immutable;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Releases;

/// <summary>One validated release: <c>releases/&lt;version&gt;/release.json</c> and its image file.</summary>
public sealed class Release
{
    public Release(
        SemVersion version,
        uint securityVersion,
        ImmutableArray<string> channels,
        string notes,
        string directory,
        string imageFileName,
        long imageLength)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(imageFileName);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageLength, 1);
        Version = version;
        SecurityVersion = securityVersion;
        Channels = channels;
        Notes = notes;
        Directory = directory;
        ImageFileName = imageFileName;
        ImageLength = imageLength;
    }

    public SemVersion Version { get; }

    /// <summary>The anti-rollback counter: a device refuses an image whose security version is below the one it runs.</summary>
    public uint SecurityVersion { get; }

    /// <summary>The channels this release is published in, sorted by name.</summary>
    public ImmutableArray<string> Channels { get; }

    /// <summary>Release notes (at most 2000 characters; may be empty).</summary>
    public string Notes { get; }

    /// <summary>The release folder (absolute path).</summary>
    public string Directory { get; }

    /// <summary>The image's path relative to <see cref="Directory"/>, with forward slashes.</summary>
    public string ImageFileName { get; }

    public string ImagePath => Path.Combine(Directory, ImageFileName);

    /// <summary>The image size in bytes when the releases were validated (1 byte to 16 MiB).</summary>
    public long ImageLength { get; }

    public bool IsIn(string channel) => Channels.Contains(channel, StringComparer.Ordinal);

    /// <summary>Reads the image, failing if it changed size since validation (someone edited releases/ mid-build).</summary>
    public byte[] ReadImage()
    {
        var bytes = File.ReadAllBytes(ImagePath);
        if (bytes.LongLength != ImageLength)
        {
            throw new BuildException(
                BuildErrorCode.ReleaseImageChanged,
                $"Release {Version}'s image {ImageFileName} is now {bytes.LongLength} bytes, but was {ImageLength} bytes when the releases were loaded.",
                "Do not edit releases/ while a build runs; run the build again.");
        }

        return bytes;
    }

    public override string ToString() => Version.ToString();
}
