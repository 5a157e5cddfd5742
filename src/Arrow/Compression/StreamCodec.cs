using System.IO.Compression;

using Lakehouse.Arrow.Memory;

namespace Lakehouse.Arrow.Compression;

/// <summary>Runs the framework's stream-based codecs (gzip, deflate) over spans without extra copies.</summary>
internal static class StreamCodec
{
    /// <summary>Deflate-based worst case: stored blocks cost 5 bytes per 16 KiB; leave generous slack.</summary>
    public static int DeflateBound(int inputLength, int header)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return checked(inputLength + (inputLength >> 10) + (inputLength >> 12) + 64 + header);
    }

    public static unsafe int Compress(ReadOnlySpan<byte> source, Span<byte> destination, Func<Stream, Stream> wrap, string codec)
    {
        byte dummy = 0;
        fixed (byte* pinned = destination)
        {
            // UnmanagedMemoryStream rejects a null pointer, which is what an empty span pins to.
            var dst = pinned == null ? &dummy : pinned;
            using var output = new UnmanagedMemoryStream(dst, 0, destination.Length, FileAccess.Write);
            try
            {
                using (var compressor = wrap(output))
                {
                    compressor.Write(source);
                }
            }
            catch (NotSupportedException e)
            {
                throw new ArgumentException($"{codec}: destination of {destination.Length} bytes is too small", nameof(destination), e);
            }
            catch (IOException e)
            {
                throw new ArgumentException($"{codec}: destination of {destination.Length} bytes is too small", nameof(destination), e);
            }

            return (int)output.Position;
        }
    }

    public static unsafe void Decompress(ReadOnlySpan<byte> source, Span<byte> destination, Func<Stream, Stream> wrap, string codec)
    {
        byte dummy = 0;
        fixed (byte* pinned = source)
        {
            var src = pinned == null ? &dummy : pinned;
            using var input = new UnmanagedMemoryStream(src, source.Length);
            try
            {
                using var decompressor = wrap(input);
                var read = decompressor.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
                if (read != destination.Length)
                {
                    CodecErrors.Corrupt(codec, input.Position, $"stream holds {read} bytes, expected {destination.Length}");
                }

                Span<byte> probe = stackalloc byte[1];
                if (decompressor.Read(probe) != 0)
                {
                    CodecErrors.Corrupt(codec, input.Position, $"stream holds more than the expected {destination.Length} bytes");
                }
            }
            catch (InvalidDataException e)
            {
                throw new CorruptFileException(null, input.Position, $"{codec}: {e.Message}", e);
            }
        }
    }

    /// <summary>Decompresses a stream of unknown decompressed size, appending at most <paramref name="maxLength"/> bytes.</summary>
    public static unsafe int DecompressUnknownLength(ReadOnlySpan<byte> source, BufferBuilder destination, int maxLength, Func<Stream, Stream> wrap, string codec)
    {
        var start = destination.Length;
        byte dummy = 0;
        fixed (byte* pinned = source)
        {
            var src = pinned == null ? &dummy : pinned;
            using var input = new UnmanagedMemoryStream(src, source.Length);
            try
            {
                using var decompressor = wrap(input);
                while (true)
                {
                    var written = destination.Length - start;
                    var room = Math.Min(Math.Max(64 * 1024, written), maxLength - written + 1);
                    var read = decompressor.Read(destination.GetSpan(room)[..room]);
                    if (read == 0)
                    {
                        break;
                    }

                    destination.Advance(read);
                    if (destination.Length - start > maxLength)
                    {
                        CodecErrors.Corrupt(codec, input.Position, $"decompressed data exceeds the limit of {maxLength} bytes");
                    }
                }
            }
            catch (InvalidDataException e)
            {
                throw new CorruptFileException(null, input.Position, $"{codec}: {e.Message}", e);
            }
        }

        return destination.Length - start;
    }
}
