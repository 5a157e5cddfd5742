using System.Text;

namespace Lakehouse.Sql.Functions.Strings;

/// <summary>Per-value string functions that write a new value into a <see cref="Utf8ColumnWriter"/>.</summary>
public static partial class Utf8Text
{
    /// <summary>lower(s): per code point simple case mapping (as Java's Character.toLowerCase); ASCII fast path.</summary>
    public static void Lower(ReadOnlySpan<byte> s, Utf8ColumnWriter output) => ChangeCase(s, output, upper: false);

    /// <summary>upper(s): per code point simple case mapping; ASCII fast path.</summary>
    public static void Upper(ReadOnlySpan<byte> s, Utf8ColumnWriter output) => ChangeCase(s, output, upper: true);

    private static void ChangeCase(ReadOnlySpan<byte> s, Utf8ColumnWriter output, bool upper)
    {
        if (IsAscii(s))
        {
            var span = output.GetSpan(s.Length);
            if (upper)
            {
                Ascii.ToUpper(s, span, out _);
            }
            else
            {
                Ascii.ToLower(s, span, out _);
            }

            output.Advance(s.Length);
            return;
        }

        var i = 0;
        while (i < s.Length)
        {
            var status = Rune.DecodeFromUtf8(s[i..], out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                output.Write(s.Slice(i, Math.Max(consumed, 1)));
                i += Math.Max(consumed, 1);
                continue;
            }

            var mapped = upper ? Rune.ToUpperInvariant(rune) : Rune.ToLowerInvariant(rune);
            var dst = output.GetSpan(4);
            output.Advance(mapped.EncodeToUtf8(dst));
            i += consumed;
        }
    }

    /// <summary>reverse(s) by code points.</summary>
    public static void Reverse(ReadOnlySpan<byte> s, Utf8ColumnWriter output)
    {
        var dst = output.GetSpan(s.Length)[..s.Length];
        var i = 0;
        while (i < s.Length)
        {
            var n = CodePointLengthAt(s, i);
            s.Slice(i, n).CopyTo(dst[(s.Length - i - n)..]);
            i += n;
        }

        output.Advance(s.Length);
    }

    /// <summary>
    /// replace(s, search, replacement): every occurrence; an empty search inserts the replacement before every
    /// code point and at the end (Trino).
    /// </summary>
    public static void Replace(ReadOnlySpan<byte> s, ReadOnlySpan<byte> search, ReadOnlySpan<byte> replacement, Utf8ColumnWriter output)
    {
        if (search.IsEmpty)
        {
            var i = 0;
            while (i < s.Length)
            {
                var n = CodePointLengthAt(s, i);
                output.Write(replacement);
                output.Write(s.Slice(i, n));
                i += n;
            }

            output.Write(replacement);
            return;
        }

        while (true)
        {
            var at = s.IndexOf(search);
            if (at < 0)
            {
                output.Write(s);
                return;
            }

            output.Write(s[..at]);
            output.Write(replacement);
            s = s[(at + search.Length)..];
        }
    }

    /// <summary>
    /// lpad/rpad(s, size, pad): pads with repetitions of pad to <paramref name="size"/> code points, or
    /// truncates to it. Errors as Trino for a negative size or an empty pad.
    /// </summary>
    public static void Pad(ReadOnlySpan<byte> s, long size, ReadOnlySpan<byte> pad, bool left, Utf8ColumnWriter output)
    {
        if (size < 0 || size > int.MaxValue)
        {
            throw FunctionErrors.InvalidArgument("Target length must be in the range [0.." + int.MaxValue + "]");
        }

        if (pad.IsEmpty)
        {
            throw FunctionErrors.InvalidArgument("Padding string must not be empty");
        }

        var target = (int)size;
        var length = CodePointCount(s);
        if (length >= target)
        {
            var end = OffsetOfCodePoint(s, 0, target);
            output.Write(s[..(end < 0 ? s.Length : end)]);
            return;
        }

        if (!left)
        {
            output.Write(s);
        }

        var padLength = CodePointCount(pad);
        var missing = target - length;
        var whole = missing / padLength;
        for (var k = 0; k < whole; k++)
        {
            output.Write(pad);
        }

        var rest = missing - (whole * padLength);
        if (rest > 0)
        {
            output.Write(pad[..OffsetOfCodePoint(pad, 0, rest)]);
        }

        if (left)
        {
            output.Write(s);
        }
    }
}
