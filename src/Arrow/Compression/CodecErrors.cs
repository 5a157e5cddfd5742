using System.Diagnostics.CodeAnalysis;

namespace Lakehouse.Arrow.Compression;

/// <summary>Throw helpers shared by the codecs, so hot decode loops stay small.</summary>
internal static class CodecErrors
{
    [DoesNotReturn]
    public static void Corrupt(string codec, long offset, string problem) =>
        throw new CorruptFileException(null, offset, $"{codec}: {problem}");

    [DoesNotReturn]
    public static T Corrupt<T>(string codec, long offset, string problem) =>
        throw new CorruptFileException(null, offset, $"{codec}: {problem}");

    [DoesNotReturn]
    public static void DestinationTooSmall(string codec, int needed, int available) =>
        throw new ArgumentException($"{codec}: destination of {available} bytes is too small; size it with MaxCompressedLength ({needed} bytes)", "destination");
}
