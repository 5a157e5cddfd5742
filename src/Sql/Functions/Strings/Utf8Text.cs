using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Lakehouse.Sql.Functions.Strings;

/// <summary>
/// Per-value string primitives on UTF-8 bytes with Trino's semantics: positions and lengths count Unicode
/// code points, 1-based. Invalid UTF-8 never throws: a stray byte counts as one code point.
/// </summary>
public static partial class Utf8Text
{
    /// <summary>True when every byte is ASCII (vectorized).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAscii(ReadOnlySpan<byte> s) => Ascii.IsValid(s);

    /// <summary>Number of code points: bytes that are not UTF-8 continuation bytes.</summary>
    public static int CodePointCount(ReadOnlySpan<byte> s)
    {
        var count = s.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated && s.Length >= Vector<sbyte>.Count)
        {
            // Continuation bytes are 0x80..0xBF, i.e. as sbyte < -64.
            var limit = new Vector<sbyte>(-64);
            var bytes = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(s);
            for (; i <= bytes.Length - Vector<sbyte>.Count; i += Vector<sbyte>.Count)
            {
                var v = new Vector<sbyte>(bytes[i..]);
                count += Vector.Sum(Vector.LessThan(v, limit)); // -1 per continuation byte
            }
        }

        for (; i < s.Length; i++)
        {
            if ((s[i] & 0xC0) == 0x80)
            {
                count--;
            }
        }

        return count;
    }

    /// <summary>Byte length of the code point that starts with <paramref name="lead"/> (1 for invalid lead bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SequenceLength(byte lead) => lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;

    /// <summary>Byte length of the code point at <paramref name="index"/>, never past the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CodePointLengthAt(ReadOnlySpan<byte> s, int index)
    {
        var n = SequenceLength(s[index]);
        var end = Math.Min(index + n, s.Length);
        var j = index + 1;
        while (j < end && (s[j] & 0xC0) == 0x80)
        {
            j++;
        }

        return j - index;
    }

    /// <summary>Byte offset where code point <paramref name="codePoints"/> (0-based) starts, counting from <paramref name="start"/>; -1 past the end.</summary>
    public static int OffsetOfCodePoint(ReadOnlySpan<byte> s, int start, int codePoints)
    {
        var i = start;
        while (codePoints > 0)
        {
            if (i >= s.Length)
            {
                return -1;
            }

            i += CodePointLengthAt(s, i);
            codePoints--;
        }

        return i <= s.Length ? i : -1;
    }

    /// <summary>
    /// substr(s, start[, length]) as a byte range: 1-based start, negative counts from the end, 0 gives the
    /// empty string; length &lt;= 0 gives the empty string (Trino).
    /// </summary>
    public static Range Substring(ReadOnlySpan<byte> s, long start, long length = long.MaxValue)
    {
        if (start == 0 || length <= 0 || s.Length == 0)
        {
            return default;
        }

        var len = (int)Math.Min(length, int.MaxValue);
        if (start > 0)
        {
            if (start > s.Length)
            {
                return default;
            }

            var from = OffsetOfCodePoint(s, 0, (int)start - 1);
            if (from < 0 || from >= s.Length)
            {
                return default;
            }

            var to = OffsetOfCodePoint(s, from, len);
            return new Range(from, to < 0 ? s.Length : to);
        }

        var count = CodePointCount(s);
        if (-start > count)
        {
            return default;
        }

        var startCp = count + (int)start;
        var fromNeg = OffsetOfCodePoint(s, 0, startCp);
        var toNeg = (long)startCp + len < count ? OffsetOfCodePoint(s, fromNeg, len) : s.Length;
        return new Range(fromNeg, toNeg);
    }

    /// <summary>Code point position (1-based) of the first occurrence of <paramref name="needle"/>; 0 when absent, 1 for an empty needle.</summary>
    public static long Strpos(ReadOnlySpan<byte> s, ReadOnlySpan<byte> needle)
    {
        if (needle.IsEmpty)
        {
            return 1;
        }

        var at = s.IndexOf(needle);
        return at < 0 ? 0 : CodePointCount(s[..at]) + 1;
    }

    /// <summary>
    /// strpos(s, needle, instance): position of the n-th occurrence; a negative instance searches from the
    /// end. Instance 0 is an error (Trino).
    /// </summary>
    public static long Strpos(ReadOnlySpan<byte> s, ReadOnlySpan<byte> needle, long instance)
    {
        if (instance == 0)
        {
            throw FunctionErrors.InvalidArgument("'instance' must be a positive or negative number.");
        }

        if (needle.IsEmpty)
        {
            return 1;
        }

        if (instance > 0)
        {
            var from = 0;
            while (true)
            {
                var at = s[from..].IndexOf(needle);
                if (at < 0)
                {
                    return 0;
                }

                if (--instance == 0)
                {
                    return CodePointCount(s[..(from + at)]) + 1;
                }

                from += at + 1;
            }
        }

        var end = s.Length;
        while (true)
        {
            var at = s[..end].LastIndexOf(needle);
            if (at < 0)
            {
                return 0;
            }

            if (++instance == 0)
            {
                return CodePointCount(s[..at]) + 1;
            }

            end = at + needle.Length - 1;
        }
    }

    /// <summary>Java's Character.isWhitespace on a code point, which Trino's trim uses.</summary>
    public static bool IsJavaWhitespace(int c) => c switch
    {
        ' ' or '\t' or '\n' or '\u000B' or '\f' or '\r' or '\u001C' or '\u001D' or '\u001E' or '\u001F' => true,
        '\u00A0' or '\u2007' or '\u202F' => false,
        < 0x80 => false,
        _ => Rune.IsValid(c) && (Rune.GetUnicodeCategory(new Rune(c)) is System.Globalization.UnicodeCategory.SpaceSeparator
            or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator),
    };

    /// <summary>Decodes the code point at <paramref name="index"/> (U+FFFD stands for invalid bytes); returns its byte length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DecodeAt(ReadOnlySpan<byte> s, int index, out int codePoint)
    {
        var b = s[index];
        if (b < 0x80)
        {
            codePoint = b;
            return 1;
        }

        var status = Rune.DecodeFromUtf8(s[index..], out var rune, out var consumed);
        codePoint = status == System.Buffers.OperationStatus.Done ? rune.Value : -1;
        return Math.Max(consumed, 1);
    }

    /// <summary>Decodes the code point that ends just before <paramref name="end"/>; returns its byte length.</summary>
    public static int DecodeBefore(ReadOnlySpan<byte> s, int end, out int codePoint)
    {
        var status = Rune.DecodeLastFromUtf8(s[..end], out var rune, out var consumed);
        codePoint = status == System.Buffers.OperationStatus.Done ? rune.Value : -1;
        return Math.Max(consumed, 1);
    }

    /// <summary>trim/ltrim/rtrim of whitespace (Java's definition, as Trino).</summary>
    public static Range Trim(ReadOnlySpan<byte> s, bool leading, bool trailing)
    {
        var from = 0;
        var to = s.Length;
        if (leading)
        {
            while (from < to)
            {
                var n = DecodeAt(s, from, out var c);
                if (!IsJavaWhitespace(c))
                {
                    break;
                }

                from += n;
            }
        }

        if (trailing)
        {
            while (to > from)
            {
                var n = DecodeBefore(s, to, out var c);
                if (!IsJavaWhitespace(c))
                {
                    break;
                }

                to -= n;
            }
        }

        return new Range(from, to);
    }

    /// <summary>trim(s, chars): removes any code point contained in <paramref name="chars"/> from the chosen ends.</summary>
    public static Range Trim(ReadOnlySpan<byte> s, ReadOnlySpan<byte> chars, bool leading, bool trailing)
    {
        var from = 0;
        var to = s.Length;
        if (leading)
        {
            while (from < to)
            {
                var n = CodePointLengthAt(s, from);
                if (!ContainsCodePoint(chars, s.Slice(from, n)))
                {
                    break;
                }

                from += n;
            }
        }

        if (trailing)
        {
            while (to > from)
            {
                var n = DecodeBefore(s, to, out _);
                if (!ContainsCodePoint(chars, s.Slice(to - n, n)))
                {
                    break;
                }

                to -= n;
            }
        }

        return new Range(from, to);
    }

    private static bool ContainsCodePoint(ReadOnlySpan<byte> set, ReadOnlySpan<byte> codePoint)
    {
        var i = 0;
        while (i < set.Length)
        {
            var n = CodePointLengthAt(set, i);
            if (set.Slice(i, n).SequenceEqual(codePoint))
            {
                return true;
            }

            i += n;
        }

        return false;
    }
}
