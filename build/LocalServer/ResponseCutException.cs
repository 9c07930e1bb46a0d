namespace SecureOta.Build.LocalServer;

/// <summary>
/// Thrown by <see cref="CutResponseStream"/> to stop the static file middleware mid-body, and caught by
/// <see cref="LocalSiteFaultMiddleware"/>. Its own type, so that no middleware in between mistakes it
/// for a client cancellation (static files abort the connection on those).
/// </summary>
internal sealed class ResponseCutException : Exception
{
    public ResponseCutException() : base("LocalSiteFaults cut the response body on purpose.") { }
}
