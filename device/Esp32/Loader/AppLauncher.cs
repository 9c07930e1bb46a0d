using System;
using System.IO;
using System.Reflection;
using System.Threading;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Esp32.Loader.Portable;

namespace SecureOta.Device.Esp32.Loader
{
    /// <summary>
    /// Starts the application in a slot the boot manager chose (and checked against its signed length
    /// and image digest this boot): reads the app bundle's .pe files one at a time into memory, loads
    /// each with Assembly.Load (dependencies first, the entry assembly last, as the bundle orders them),
    /// finds the entry type's public static Run(BootManager) by reflection and runs it on its own
    /// thread, so an application that never returns does not stop the loader. The application gets
    /// the loader's BootManager so it can call Confirm once its health check passes.
    /// </summary>
    internal sealed class AppLauncher
    {
        /// <summary>Largest single .pe file loaded (the managed heap of an ESP32 without PSRAM is about 100 KB).</summary>
        public const long MaxAssemblySize = 64 * 1024;

        public const string EntryMethodName = "Run";

        private readonly MethodInfo _entry;
        private readonly BootManager _boot;
        private readonly object _lock = new object();
        private string _failure;
        private bool _returned;

        private AppLauncher(MethodInfo entry, BootManager boot)
        {
            _entry = entry;
            _boot = boot;
        }

        /// <summary>Why the application's Run threw, or null while it runs or after it returned normally.</summary>
        public string Failure
        {
            get { lock (_lock) { return _failure; } }
        }

        /// <summary>True once Run returned normally (an application may return after starting its own threads).</summary>
        public bool Returned
        {
            get { lock (_lock) { return _returned; } }
        }

        /// <summary>Loads the slot's application and starts it; null with the reason in <paramref name="problem"/> when it cannot.</summary>
        public static AppLauncher TryStart(ISlotStore slots, BootDecision decision, BootManager boot, out string problem)
        {
            MethodInfo entry;
            try
            {
                entry = Load(slots, decision.Slot, decision.ImageLength, out problem);
            }
            catch (Exception e)
            {
                // Assembly.Load throws ArgumentException for a .pe it cannot load (a missing dependency, a
                // version this firmware lacks); the slot's reads throw IOException.
                entry = null;
                problem = "the application could not be loaded: " + FailureText.Describe(e);
            }
            if (entry == null) return null;
            AppLauncher launcher = new AppLauncher(entry, boot);
            new Thread(new ThreadStart(launcher.RunApplication)).Start();
            return launcher;
        }

        private static MethodInfo Load(ISlotStore slots, SlotId slot, long imageLength, out string problem)
        {
            Stream stream = slots.OpenRead(slot);
            try
            {
                int headLength = imageLength < AppBundleHeader.MaxSize ? (int)imageLength : AppBundleHeader.MaxSize;
                byte[] head = new byte[headLength];
                StreamReads.Fill(stream, head, 0, headLength);
                AppBundleHeader header = AppBundleHeader.TryParse(head, headLength, imageLength, out problem);
                if (header == null) return null;

                // head holds the header and the first bytes of the first .pe file; hand those on.
                int carried = header.Size;
                Assembly last = null;
                for (int i = 0; i < header.AssemblyCount; i++)
                {
                    long length = header.GetAssemblyLength(i);
                    if (length > MaxAssemblySize)
                    {
                        problem = "assembly " + (i + 1) + " of the app bundle is " + length + " bytes; at most " + MaxAssemblySize + " are loaded";
                        return null;
                    }
                    byte[] pe = new byte[(int)length];
                    int fromHead = headLength - carried < pe.Length ? headLength - carried : pe.Length;
                    Array.Copy(head, carried, pe, 0, fromHead);
                    carried += fromHead;
                    StreamReads.Fill(stream, pe, fromHead, pe.Length - fromHead);
                    last = Assembly.Load(pe);
                }
                return FindEntry(last, header.EntryTypeName, out problem);
            }
            finally
            {
                stream.Dispose();
            }
        }

        private static MethodInfo FindEntry(Assembly assembly, string typeName, out string problem)
        {
            problem = null;
            Type type = assembly.GetType(typeName);
            MethodInfo run = type == null ? null : type.GetMethod(EntryMethodName);
            if (run != null && run.IsStatic) return run;
            problem = "the app bundle's last assembly has no public static " + typeName + "." + EntryMethodName + "(BootManager)";
            return null;
        }

        private void RunApplication()
        {
            try
            {
                _entry.Invoke(null, new object[] { _boot });
                lock (_lock) { _returned = true; }
            }
            catch (Exception e)
            {
                string failure = FailureText.Describe(e);
                lock (_lock) { _failure = failure; }
                LoaderLog.Info("the application stopped with an exception: " + failure);
            }
        }
    }
}
