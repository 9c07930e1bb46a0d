namespace SecureOta.Build.Delta;

/// <summary>
/// One block of a patch: copy <see cref="CopyLength"/> bytes of the old image from
/// <see cref="OldStart"/> (with edits), then insert <see cref="LiteralLength"/> new bytes.
/// The blocks of a patch cover the new image in order.
/// </summary>
internal readonly record struct PatchBlock(int OldStart, int CopyLength, int LiteralLength);
