using System.Text;

namespace Lakehouse.Sql.Functions.Strings;

/// <summary>
/// A LIKE pattern compiled once: <c>%</c> matches any sequence, <c>_</c> one code point, an optional escape
/// character makes the next <c>%</c>, <c>_</c> or escape literal (anything else after it is an error, as in
/// Trino). Matching works on UTF-8 bytes; common shapes (exact, prefix%, %suffix, %infix%, prefix%suffix)
/// take vectorized fast paths. ILIKE lower-cases pattern and input by simple case mapping.
/// </summary>
public sealed class LikePattern
{
    private readonly LikeShape _shape;
    private readonly byte[] _first = [];
    private readonly byte[] _last = [];
    private readonly Segment[] _segments = [];
    private readonly bool _anchoredStart;
    private readonly bool _anchoredEnd;
    private readonly bool _caseInsensitive;
    private readonly int _minLength;

    private LikePattern(string pattern, bool caseInsensitive, List<Segment> segments, bool anchoredStart, bool anchoredEnd)
    {
        Pattern = pattern;
        _caseInsensitive = caseInsensitive;
        _anchoredStart = anchoredStart;
        _anchoredEnd = anchoredEnd;
        _segments = [.. segments];
        foreach (var segment in segments)
        {
            _minLength += segment.MinLength;
        }

        var allLiteral = segments.TrueForAll(x => !x.HasWildcard);
        if (segments.Count == 0)
        {
            _shape = anchoredStart && anchoredEnd ? LikeShape.Exact : LikeShape.Any;
            _first = [];
        }
        else if (!allLiteral)
        {
            _shape = LikeShape.General;
        }
        else if (segments.Count == 1 && anchoredStart && anchoredEnd)
        {
            _shape = LikeShape.Exact;
            _first = segments[0].Literal;
        }
        else if (segments.Count == 1 && anchoredStart)
        {
            _shape = LikeShape.Prefix;
            _first = segments[0].Literal;
        }
        else if (segments.Count == 1 && anchoredEnd)
        {
            _shape = LikeShape.Suffix;
            _last = segments[0].Literal;
        }
        else if (segments.Count == 1)
        {
            _shape = LikeShape.Contains;
            _first = segments[0].Literal;
        }
        else if (segments.Count == 2 && anchoredStart && anchoredEnd)
        {
            _shape = LikeShape.PrefixSuffix;
            _first = segments[0].Literal;
            _last = segments[1].Literal;
        }
        else
        {
            _shape = LikeShape.General;
        }
    }

    public string Pattern { get; }

    /// <summary>Compiles <paramref name="pattern"/>; <paramref name="escape"/> is null or a one-character string.</summary>
    public static LikePattern Compile(string pattern, string? escape = null, bool caseInsensitive = false)
    {
        int? escapeChar = null;
        if (escape is not null)
        {
            var runes = escape.EnumerateRunes().ToArray();
            if (runes.Length != 1)
            {
                throw FunctionErrors.InvalidArgument("Escape string must be a single character");
            }

            escapeChar = runes[0].Value;
        }

        var text = caseInsensitive ? LowerInvariant(pattern) : pattern;
        var segments = new List<Segment>();
        var current = new List<int>(); // code points; -1 stands for '_'
        var tokens = 0;
        var startsWithPercent = false;
        var endsWithPercent = false;
        var escaping = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            if (!escaping && c == escapeChar)
            {
                escaping = true;
                continue;
            }

            var isPercent = !escaping && c == '%';
            if (escaping && c != '%' && c != '_' && c != escapeChar)
            {
                throw FunctionErrors.InvalidArgument("Escape character must be followed by '%', '_' or the escape character itself");
            }

            if (isPercent)
            {
                if (current.Count > 0)
                {
                    segments.Add(Segment.Create(current));
                    current.Clear();
                }

                startsWithPercent |= tokens == 0;
            }
            else
            {
                current.Add(!escaping && c == '_' ? -1 : c);
            }

            endsWithPercent = isPercent;
            escaping = false;
            tokens++;
        }

        if (escaping)
        {
            throw FunctionErrors.InvalidArgument("Escape character must be followed by '%', '_' or the escape character itself");
        }

        if (current.Count > 0)
        {
            segments.Add(Segment.Create(current));
        }

        var anchoredStart = !startsWithPercent;
        var anchoredEnd = !endsWithPercent;
        return new LikePattern(pattern, caseInsensitive, segments, anchoredStart, anchoredEnd);
    }

    /// <summary>True when the whole of <paramref name="value"/> matches the pattern.</summary>
    public bool IsMatch(ReadOnlySpan<byte> value)
    {
        if (_caseInsensitive)
        {
            return IsMatchFolded(value);
        }

        return MatchCore(value);
    }

    private bool MatchCore(ReadOnlySpan<byte> value) => _shape switch
    {
        LikeShape.Any => true,
        LikeShape.Exact => value.SequenceEqual(_first),
        LikeShape.Prefix => value.StartsWith(_first),
        LikeShape.Suffix => value.EndsWith(_last),
        LikeShape.Contains => value.IndexOf(_first) >= 0,
        LikeShape.PrefixSuffix => value.Length >= _first.Length + _last.Length && value.StartsWith(_first) && value.EndsWith(_last),
        _ => MatchGeneral(value),
    };

    private bool IsMatchFolded(ReadOnlySpan<byte> value)
    {
        if (Utf8Text.IsAscii(value))
        {
            Span<byte> small = stackalloc byte[256];
            var buffer = value.Length <= small.Length ? small[..value.Length] : new byte[value.Length];
            Ascii.ToLower(value, buffer, out _);
            return MatchCore(buffer);
        }

        var writer = new Utf8ColumnWriter(1, value.Length + 16);
        Utf8Text.Lower(value, writer);
        return MatchCore(writer.PendingValue);
    }

    private bool MatchGeneral(ReadOnlySpan<byte> value)
    {
        var segments = _segments.AsSpan();
        var position = 0;
        var first = 0;
        var last = segments.Length;
        if (_anchoredStart)
        {
            var n = segments[0].MatchAt(value, 0);
            if (n < 0)
            {
                return false;
            }

            if (segments.Length == 1 && _anchoredEnd)
            {
                return n == value.Length;
            }

            position = n;
            first = 1;
        }

        var endLimit = value.Length;
        if (_anchoredEnd && last > first)
        {
            // The last segment must match a suffix: try the suffix with the segment's code-point length.
            var segment = segments[last - 1];
            var start = value.Length;
            for (var k = 0; k < segment.CodePoints; k++)
            {
                if (start <= position)
                {
                    return false;
                }

                start -= Utf8Text.DecodeBefore(value, start, out _);
            }

            if (start < position || segment.MatchAt(value, start) != value.Length)
            {
                return false;
            }

            endLimit = start;
            last--;
        }

        for (var k = first; k < last; k++)
        {
            var found = segments[k].Find(value[..endLimit], position);
            if (found < 0)
            {
                return false;
            }

            position = found;
        }

        return position <= endLimit;
    }

    private static string LowerInvariant(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var rune in s.EnumerateRunes())
        {
            sb.Append(Rune.ToLowerInvariant(rune).ToString());
        }

        return sb.ToString();
    }

    private enum LikeShape
    {
        Any,
        Exact,
        Prefix,
        Suffix,
        Contains,
        PrefixSuffix,
        General,
    }

    /// <summary>Code points and '_' wildcards between two '%'.</summary>
    private sealed class Segment
    {
        private readonly byte[][] _parts; // literal runs, separated by one '_' each
        private readonly int[] _wildcardsAfter;

        private Segment(byte[][] parts, int[] wildcardsAfter, int leadingWildcards, int codePoints, int minLength)
        {
            _parts = parts;
            _wildcardsAfter = wildcardsAfter;
            LeadingWildcards = leadingWildcards;
            CodePoints = codePoints;
            MinLength = minLength;
            Literal = parts.Length == 1 && leadingWildcards == 0 && wildcardsAfter[0] == 0 ? parts[0] : [];
            HasWildcard = !(parts.Length == 1 && leadingWildcards == 0 && wildcardsAfter[0] == 0);
        }

        public byte[] Literal { get; }

        public bool HasWildcard { get; }

        public int LeadingWildcards { get; }

        public int CodePoints { get; }

        public int MinLength { get; }

        public static Segment Create(List<int> codePoints)
        {
            var parts = new List<byte[]>();
            var wildcards = new List<int>();
            var leading = 0;
            var i = 0;
            while (i < codePoints.Count && codePoints[i] == -1)
            {
                leading++;
                i++;
            }

            var run = new List<byte>();
            Span<byte> buffer = stackalloc byte[4];
            var min = leading;
            while (i < codePoints.Count)
            {
                run.Clear();
                while (i < codePoints.Count && codePoints[i] != -1)
                {
                    var n = new Rune(codePoints[i]).EncodeToUtf8(buffer);
                    for (var k = 0; k < n; k++)
                    {
                        run.Add(buffer[k]);
                    }

                    i++;
                }

                var w = 0;
                while (i < codePoints.Count && codePoints[i] == -1)
                {
                    w++;
                    i++;
                }

                parts.Add([.. run]);
                wildcards.Add(w);
                min += run.Count + w;
            }

            if (parts.Count == 0)
            {
                parts.Add([]);
                wildcards.Add(0);
            }

            return new Segment([.. parts], [.. wildcards], leading, codePoints.Count, min);
        }

        /// <summary>Matches the segment starting at byte <paramref name="start"/>; returns the end offset or -1.</summary>
        public int MatchAt(ReadOnlySpan<byte> value, int start)
        {
            var p = Skip(value, start, LeadingWildcards);
            if (p < 0)
            {
                return -1;
            }

            for (var k = 0; k < _parts.Length; k++)
            {
                var part = _parts[k];
                if (!value[p..].StartsWith(part))
                {
                    return -1;
                }

                p = Skip(value, p + part.Length, _wildcardsAfter[k]);
                if (p < 0)
                {
                    return -1;
                }
            }

            return p;
        }

        /// <summary>Leftmost match at or after <paramref name="start"/>; returns the end offset or -1.</summary>
        public int Find(ReadOnlySpan<byte> value, int start)
        {
            var p = start;
            while (p <= value.Length)
            {
                if (LeadingWildcards == 0 && _parts[0].Length > 0)
                {
                    var at = value[p..].IndexOf(_parts[0]);
                    if (at < 0)
                    {
                        return -1;
                    }

                    p += at;
                }

                var end = MatchAt(value, p);
                if (end >= 0)
                {
                    return end;
                }

                if (p == value.Length)
                {
                    return -1;
                }

                p += Utf8Text.CodePointLengthAt(value, p);
            }

            return -1;
        }

        private static int Skip(ReadOnlySpan<byte> value, int p, int codePoints)
        {
            for (var k = 0; k < codePoints; k++)
            {
                if (p >= value.Length)
                {
                    return -1;
                }

                p += Utf8Text.CodePointLengthAt(value, p);
            }

            return p;
        }
    }
}
