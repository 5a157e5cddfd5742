using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>
/// Writes UTF-8 text as a JSON string body or as raw text. Invalid UTF-8 is repaired: every maximal invalid
/// subsequence becomes U+FFFD (the Unicode "best practice" substitution), so output is always valid UTF-8.
/// </summary>
public static class JsonText
{
    private static readonly SearchValues<byte> s_needsEscape = SearchValues.Create(BuildEscapeSet());
    private static readonly SearchValues<byte> s_control = SearchValues.Create(BuildControlSet());

    /// <summary>U+FFFD in UTF-8.</summary>
    private static ReadOnlySpan<byte> Replacement => [0xEF, 0xBF, 0xBD];

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>Writes <c>"…"</c> with JSON escapes: <c>\" \\ \b \f \n \r \t</c>, other controls as <c>\u00XX</c>.</summary>
    public static void WriteString(Utf8Output output, ReadOnlySpan<byte> utf8)
    {
        output.Write((byte)'"');
        WriteEscaped(output, utf8);
        output.Write((byte)'"');
    }

    /// <summary>Writes a .NET string as a JSON string (names, messages).</summary>
    public static void WriteString(Utf8Output output, string value) => WriteString(output, Encoding.UTF8.GetBytes(value));

    /// <summary>The JSON string body of <paramref name="utf8"/> without quotes.</summary>
    public static void WriteEscaped(Utf8Output output, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOfAny(s_needsEscape) < 0 && Utf8.IsValid(utf8))
        {
            output.Write(utf8);
            return;
        }

        WriteSlow(output, utf8, escapeJson: true, escapeControls: false);
    }

    /// <summary>Raw text (CSV cells): invalid UTF-8 repaired, nothing escaped.</summary>
    public static void WriteRaw(Utf8Output output, ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            output.Write(utf8);
            return;
        }

        WriteSlow(output, utf8, escapeJson: false, escapeControls: false);
    }

    /// <summary>Text for one terminal line: control characters shown as JSON-style escapes (<c>\n</c>, <c>\u0001</c>).</summary>
    public static void WriteDisplay(Utf8Output output, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOfAny(s_control) < 0 && Utf8.IsValid(utf8))
        {
            output.Write(utf8);
            return;
        }

        WriteSlow(output, utf8, escapeJson: false, escapeControls: true);
    }

    private static void WriteSlow(Utf8Output output, ReadOnlySpan<byte> utf8, bool escapeJson, bool escapeControls)
    {
        var i = 0;
        while (i < utf8.Length)
        {
            var b = utf8[i];
            if (b < 0x80)
            {
                if (b < 0x20 && (escapeJson || escapeControls))
                {
                    WriteControlEscape(output, b);
                }
                else if (escapeJson && (b == '"' || b == '\\'))
                {
                    output.Write((byte)'\\');
                    output.Write(b);
                }
                else
                {
                    output.Write(b);
                }

                i++;
                continue;
            }

            var status = Rune.DecodeFromUtf8(utf8[i..], out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                output.Write(utf8.Slice(i, consumed));
            }
            else
            {
                output.Write(Replacement);
            }

            i += Math.Max(consumed, 1);
        }
    }

    private static void WriteControlEscape(Utf8Output output, byte b)
    {
        var span = output.GetSpan(6);
        span[0] = (byte)'\\';
        switch (b)
        {
            case (byte)'\b': span[1] = (byte)'b'; output.Advance(2); return;
            case (byte)'\f': span[1] = (byte)'f'; output.Advance(2); return;
            case (byte)'\n': span[1] = (byte)'n'; output.Advance(2); return;
            case (byte)'\r': span[1] = (byte)'r'; output.Advance(2); return;
            case (byte)'\t': span[1] = (byte)'t'; output.Advance(2); return;
            default:
                span[1] = (byte)'u';
                span[2] = (byte)'0';
                span[3] = (byte)'0';
                span[4] = HexDigits[b >> 4];
                span[5] = HexDigits[b & 0xF];
                output.Advance(6);
                return;
        }
    }

    private static byte[] BuildEscapeSet()
    {
        var set = new byte[34];
        for (var i = 0; i < 32; i++)
        {
            set[i] = (byte)i;
        }

        set[32] = (byte)'"';
        set[33] = (byte)'\\';
        return set;
    }

    private static byte[] BuildControlSet()
    {
        var set = new byte[32];
        for (var i = 0; i < 32; i++)
        {
            set[i] = (byte)i;
        }

        return set;
    }
}
