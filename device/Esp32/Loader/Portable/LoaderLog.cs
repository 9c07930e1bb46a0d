using System;

namespace SecureOta.Device.Esp32.Loader.Portable
{
    /// <summary>
    /// The loader's log. Console.WriteLine, not Debug.WriteLine: nanoFramework's Debug methods are
    /// [Conditional("DEBUG")] and vanish from a release build, and the loader ships as one.
    /// The output reaches Visual Studio's output window when a debugger is attached. Portable.
    /// </summary>
    public static class LoaderLog
    {
        public static void Info(string message)
        {
            Console.WriteLine("[secureota] " + message);
        }
    }
}
