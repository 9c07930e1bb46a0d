namespace SecureOta.Build.Keys;

/// <summary>Who holds a recipient's private key: one device, every device of a group, or the whole fleet.</summary>
public enum RecipientKind
{
    Device,
    Group,
    Fleet,
}
