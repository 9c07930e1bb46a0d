namespace SecureOta.Build.Releases;

/// <summary>
/// What <c>channels.json</c> yielded: the channels with valid settings (in file order), and every
/// channel name it declares (valid settings or not), so that a bad setting is not also reported as
/// "undeclared". <see cref="Readable"/> is false when the file is missing or unparseable.
/// </summary>
internal sealed record ChannelsFile(string FilePath, IReadOnlyList<ChannelConfig> Channels, IReadOnlySet<string> Declared, bool Readable);
