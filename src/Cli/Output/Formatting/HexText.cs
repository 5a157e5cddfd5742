namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Lowercase hexadecimal and UUID text.</summary>
public static class HexText
{
    private static ReadOnlySpan<byte> Digits => "0123456789abcdef"u8;

    public static void Write(Utf8Output output, ReadOnlySpan<byte> bytes)
    {
        var span = output.GetSpan(bytes.Length * 2);
        for (var i = 0; i < bytes.Length; i++)
        {
            span[2 * i] = Digits[bytes[i] >> 4];
            span[(2 * i) + 1] = Digits[bytes[i] & 0xF];
        }

        output.Advance(bytes.Length * 2);
    }

    /// <summary>16 bytes as 8-4-4-4-12 lowercase hex (RFC 9562 text form).</summary>
    public static void WriteUuid(Utf8Output output, ReadOnlySpan<byte> bytes)
    {
        var span = output.GetSpan(36);
        var p = 0;
        for (var i = 0; i < 16; i++)
        {
            if (i is 4 or 6 or 8 or 10)
            {
                span[p++] = (byte)'-';
            }

            span[p++] = Digits[bytes[i] >> 4];
            span[p++] = Digits[bytes[i] & 0xF];
        }

        output.Advance(36);
    }
}
