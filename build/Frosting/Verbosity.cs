namespace SecureOta.Build.Frosting;

/// <summary>Cake's verbosity levels, from least to most output.</summary>
public enum Verbosity
{
    Quiet = 0,
    Minimal = 1,
    Normal = 2,
    Verbose = 3,
    Diagnostic = 4,
}
