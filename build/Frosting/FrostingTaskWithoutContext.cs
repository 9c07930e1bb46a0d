namespace SecureOta.Build.Frosting;

/// <summary>
/// A task that needs only the host's context, like Cake.Frosting's non-generic <c>FrostingTask</c>
/// (typically an aggregate target such as Default that only declares dependencies).
/// </summary>
public abstract class FrostingTask : FrostingTask<IFrostingContext>
{
}
