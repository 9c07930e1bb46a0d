using System.Reflection;

// The assembly version is part of every reference to this assembly: an application image built
// against another version of a shared assembly does not load. Change it together with the loader.
[assembly: AssemblyTitle("SecureOta ESP32 loader")]
[assembly: AssemblyProduct("SecureOta")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
