using System.Reflection;
using System.Runtime.InteropServices;

namespace Lakehouse.Ingest.Kafka;

/// <summary>
/// Points Confluent.Kafka (and our own mock-cluster P/Invoke) at the operating system's librdkafka
/// (Debian package librdkafka1: <c>librdkafka.so.1</c>) and <c>libdl.so.2</c>, instead of the native
/// binaries of the librdkafka.redist NuGet package, which we replace by an empty placeholder
/// (nuget/README.md). Call <see cref="EnsureLoaded"/> before the first Confluent.Kafka call; it is
/// idempotent and thread-safe (a resolver can be set only once per assembly).
/// </summary>
public static class KafkaNative
{
    public const string LibrdkafkaFile = "librdkafka.so.1";
    public const string LibdlFile = "libdl.so.2";

    private static readonly Lock s_lock = new();
    private static bool s_installed;
    private static IntPtr s_librdkafka;

    /// <summary>Whether librdkafka.so.1 can be loaded on this machine (tests skip when it cannot).</summary>
    public static bool IsAvailable => TryLoad(out _);

    /// <summary>The reason <see cref="IsAvailable"/> is false, for skip messages and CLI errors.</summary>
    public static string MissingMessage =>
        $"{LibrdkafkaFile} could not be loaded: install the operating system's librdkafka (Debian/Ubuntu: apt-get install librdkafka1)";

    /// <summary>Installs the import resolvers; throws <see cref="DllNotFoundException"/> with an install hint when librdkafka is missing.</summary>
    public static void EnsureLoaded()
    {
        lock (s_lock)
        {
            if (s_installed)
            {
                return;
            }

            if (!TryLoad(out var handle))
            {
                throw new DllNotFoundException(MissingMessage);
            }

            s_librdkafka = handle;
            NativeLibrary.SetDllImportResolver(typeof(Confluent.Kafka.Library).Assembly, Resolve);
            NativeLibrary.SetDllImportResolver(typeof(KafkaNative).Assembly, Resolve);
            s_installed = true;
        }
    }

    /// <summary>The librdkafka version string as the loaded library reports it (e.g. "2.0.2").</summary>
    public static string Version
    {
        get
        {
            EnsureLoaded();
            return Confluent.Kafka.Library.VersionString;
        }
    }

    private static bool TryLoad(out IntPtr handle)
    {
        if (s_librdkafka != IntPtr.Zero)
        {
            handle = s_librdkafka;
            return true;
        }

        return NativeLibrary.TryLoad(LibrdkafkaFile, out handle);
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        // Confluent.Kafka 1.9 imports "librdkafka" (and a few variant names for other distributions) and
        // "libdl" for dlopen; our own imports use "librdkafka".
        if (libraryName.StartsWith("librdkafka", StringComparison.Ordinal))
        {
            return s_librdkafka;
        }

        if (libraryName is "libdl" or "libdl.so" or "dl")
        {
            return NativeLibrary.TryLoad(LibdlFile, out var dl) ? dl : IntPtr.Zero;
        }

        return IntPtr.Zero;
    }
}
