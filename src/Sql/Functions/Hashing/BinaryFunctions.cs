using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Lakehouse.Arrow.Compression;
using Lakehouse.Sql.Functions.Strings;

namespace Lakehouse.Sql.Functions.Hashing;

/// <summary>varbinary functions: digests, xxhash64, crc32, hex and base64 (Trino's names and output forms).</summary>
public static class BinaryFunctions
{
    public static void Md5(ReadOnlySpan<byte> input, Utf8ColumnWriter output) => output.Advance(MD5.HashData(input, output.GetSpan(16)));

    public static void Sha1(ReadOnlySpan<byte> input, Utf8ColumnWriter output) => output.Advance(SHA1.HashData(input, output.GetSpan(20)));

    public static void Sha256(ReadOnlySpan<byte> input, Utf8ColumnWriter output) => output.Advance(SHA256.HashData(input, output.GetSpan(32)));

    public static void Sha512(ReadOnlySpan<byte> input, Utf8ColumnWriter output) => output.Advance(SHA512.HashData(input, output.GetSpan(64)));

    /// <summary>xxhash64(varbinary) → varbinary: the 64-bit hash, big-endian (as Trino).</summary>
    public static void XxHash64Bytes(ReadOnlySpan<byte> input, Utf8ColumnWriter output)
    {
        BinaryPrimitives.WriteUInt64BigEndian(output.GetSpan(8), XxHash64.Hash(input));
        output.Advance(8);
    }

    /// <summary>crc32(varbinary) → bigint.</summary>
    public static long Crc32Of(ReadOnlySpan<byte> input) => Crc32.Compute(input);

    /// <summary>to_hex: upper-case hexadecimal.</summary>
    public static void ToHex(ReadOnlySpan<byte> input, Utf8ColumnWriter output)
    {
        var span = output.GetSpan(input.Length * 2);
        Convert.TryToHexString(input, span, out var written);
        output.Advance(written);
    }

    /// <summary>from_hex: an odd length or a non-hex digit is an error as in Trino.</summary>
    public static void FromHex(ReadOnlySpan<byte> hex, Utf8ColumnWriter output)
    {
        if ((hex.Length & 1) != 0)
        {
            throw FunctionErrors.InvalidArgument("invalid input length " + hex.Length);
        }

        var span = output.GetSpan(hex.Length / 2);
        for (var i = 0; i < hex.Length; i += 2)
        {
            span[i / 2] = (byte)((Digit(hex[i]) << 4) | Digit(hex[i + 1]));
        }

        output.Advance(hex.Length / 2);
    }

    public static void ToBase64(ReadOnlySpan<byte> input, Utf8ColumnWriter output, bool url = false)
    {
        var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(input.Length));
        Base64.EncodeToUtf8(input, span, out _, out var written);
        if (url)
        {
            for (var i = 0; i < written; i++)
            {
                span[i] = span[i] switch { (byte)'+' => (byte)'-', (byte)'/' => (byte)'_', var b => b };
            }
        }

        output.Advance(written);
    }

    public static void FromBase64(ReadOnlySpan<byte> text, Utf8ColumnWriter output, bool url = false)
    {
        var source = text;
        var padded = (text.Length % 4) != 0 || url;
        if (padded)
        {
            // URL-safe alphabet and missing padding: normalize into a scratch buffer.
            var length = (text.Length + 3) / 4 * 4;
            var scratch = new byte[length];
            for (var i = 0; i < text.Length; i++)
            {
                scratch[i] = url ? text[i] switch { (byte)'-' => (byte)'+', (byte)'_' => (byte)'/', var b => b } : text[i];
            }

            scratch.AsSpan(text.Length).Fill((byte)61);
            source = scratch;
        }

        var span = output.GetSpan(Base64.GetMaxDecodedFromUtf8Length(source.Length));
        if (Base64.DecodeFromUtf8(source, span, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            throw FunctionErrors.InvalidArgument("Invalid input for base64 decoding");
        }

        output.Advance(written);
    }

    private static int Digit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => throw FunctionErrors.InvalidArgument("invalid hex character: " + (char)c),
    };
}
