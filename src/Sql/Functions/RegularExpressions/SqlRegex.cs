using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Lakehouse.Sql.Functions.Strings;

namespace Lakehouse.Sql.Functions.RegularExpressions;

/// <summary>
/// A compiled Trino regular expression (see <see cref="JavaRegexTranslator"/>). Patterns without
/// backreferences, lookarounds or atomic groups run on .NET's linear-time NonBacktracking engine, so a
/// hostile pattern cannot hang a query; the rest run with a match timeout (<see cref="MatchTimeout"/>) that
/// turns into an execution error. Compiled patterns are cached by text.
/// </summary>
public sealed class SqlRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    private const int MaxCached = 512;
    private static readonly ConcurrentDictionary<string, SqlRegex> s_cache = new(StringComparer.Ordinal);

    private readonly System.Text.RegularExpressions.Regex _regex;

    private SqlRegex(string pattern, System.Text.RegularExpressions.Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
        GroupCount = regex.GetGroupNumbers().Length - 1;
    }

    public string Pattern { get; }

    /// <summary>Number of capturing groups (group 0, the whole match, not counted).</summary>
    public int GroupCount { get; }

    /// <summary>True when the linear-time engine is used.</summary>
    public bool IsLinearTime => (_regex.Options & RegexOptions.NonBacktracking) != 0;

    public static SqlRegex Get(string pattern)
    {
        if (s_cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        var compiled = Compile(pattern);
        if (s_cache.Count >= MaxCached)
        {
            s_cache.Clear();
        }

        s_cache[pattern] = compiled;
        return compiled;
    }

    public static SqlRegex Compile(string pattern)
    {
        var translated = JavaRegexTranslator.Translate(pattern);
        try
        {
            return new SqlRegex(pattern, new System.Text.RegularExpressions.Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));
        }
        catch (NotSupportedException)
        {
            // Backreferences, lookarounds, atomic groups: the backtracking engine, bounded by a timeout.
        }
        catch (ArgumentException ex)
        {
            throw FunctionErrors.InvalidArgument($"invalid regular expression '{pattern}': {ex.Message}");
        }

        try
        {
            return new SqlRegex(pattern, new System.Text.RegularExpressions.Regex(translated, RegexOptions.CultureInvariant, MatchTimeout));
        }
        catch (ArgumentException ex)
        {
            throw FunctionErrors.InvalidArgument($"invalid regular expression '{pattern}': {ex.Message}");
        }
    }

    /// <summary>regexp_like: true when the pattern matches anywhere in the value.</summary>
    public bool IsMatch(ReadOnlySpan<byte> utf8)
    {
        char[]? rented = null;
        var chars = utf8.Length <= 512 ? stackalloc char[utf8.Length] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            var n = Encoding.UTF8.GetChars(utf8, chars);
            return _regex.IsMatch(chars[..n]);
        }
        catch (RegexMatchTimeoutException)
        {
            throw Timeout();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Number of non-overlapping matches (regexp_count).</summary>
    public long Count(ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8);
        try
        {
            return _regex.Count(text);
        }
        catch (RegexMatchTimeoutException)
        {
            throw Timeout();
        }
    }

    /// <summary>regexp_extract: appends group <paramref name="group"/> of the first match; false (null) when there is no match or the group did not participate.</summary>
    public bool Extract(ReadOnlySpan<byte> utf8, long group, Utf8ColumnWriter output)
    {
        CheckGroup(group);
        var text = Encoding.UTF8.GetString(utf8);
        try
        {
            var match = _regex.Match(text);
            if (!match.Success)
            {
                return false;
            }

            var g = match.Groups[(int)group];
            if (!g.Success)
            {
                return false;
            }

            WriteUtf8(g.ValueSpan, output);
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            throw Timeout();
        }
    }

    /// <summary>regexp_extract_all: appends group <paramref name="group"/> of every match (empty string for a non-participating group); returns the count.</summary>
    public int ExtractAll(ReadOnlySpan<byte> utf8, long group, Utf8ColumnWriter elements)
    {
        CheckGroup(group);
        var text = Encoding.UTF8.GetString(utf8);
        var count = 0;
        try
        {
            for (var match = _regex.Match(text); match.Success; match = match.NextMatch())
            {
                var g = match.Groups[(int)group];
                if (g.Success)
                {
                    WriteUtf8(g.ValueSpan, elements);
                    elements.EndValue();
                }
                else
                {
                    elements.AppendNull();
                }

                count++;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            throw Timeout();
        }

        return count;
    }

    /// <summary>regexp_replace(s, pattern[, replacement]): every match replaced; <paramref name="replacement"/> must come from <see cref="TranslateReplacement"/>.</summary>
    public void Replace(ReadOnlySpan<byte> utf8, string replacement, Utf8ColumnWriter output)
    {
        var text = Encoding.UTF8.GetString(utf8);
        try
        {
            WriteUtf8(_regex.Replace(text, replacement), output);
        }
        catch (RegexMatchTimeoutException)
        {
            throw Timeout();
        }
    }

    /// <summary>regexp_split: appends the pieces between matches; returns the count.</summary>
    public int Split(ReadOnlySpan<byte> utf8, Utf8ColumnWriter elements)
    {
        var text = Encoding.UTF8.GetString(utf8);
        var count = 0;
        var last = 0;
        try
        {
            for (var match = _regex.Match(text); match.Success; match = match.NextMatch())
            {
                WriteUtf8(text.AsSpan(last, match.Index - last), elements);
                elements.EndValue();
                last = match.Index + match.Length;
                count++;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            throw Timeout();
        }

        WriteUtf8(text.AsSpan(last), elements);
        elements.EndValue();
        return count + 1;
    }

    /// <summary>
    /// Translates a Trino replacement (<c>$n</c>, <c>${name}</c>, <c>\$</c>, <c>\\</c>) to .NET's; an unknown
    /// group is an error as in Trino.
    /// </summary>
    public string TranslateReplacement(string replacement)
    {
        var sb = new StringBuilder(replacement.Length + 8);
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c == '\\')
            {
                if (++i >= replacement.Length)
                {
                    throw FunctionErrors.InvalidArgument("character to be escaped is missing");
                }

                var next = replacement[i];
                sb.Append(next == '$' ? "$$" : next.ToString());
            }
            else if (c == '$')
            {
                if (i + 1 >= replacement.Length)
                {
                    throw FunctionErrors.InvalidArgument("Illegal group reference: group index is missing");
                }

                if (replacement[i + 1] == '{')
                {
                    var end = replacement.IndexOf('}', i + 2);
                    if (end < 0)
                    {
                        throw FunctionErrors.InvalidArgument("named capturing group is missing trailing '}'");
                    }

                    var name = replacement[(i + 2)..end];
                    if (_regex.GroupNumberFromName(name) < 0)
                    {
                        throw FunctionErrors.InvalidArgument($"No group with name {{{name}}}");
                    }

                    sb.Append("${").Append(name).Append('}');
                    i = end;
                }
                else if (char.IsAsciiDigit(replacement[i + 1]))
                {
                    // As Java: take further digits only while the group number stays valid.
                    var number = replacement[i + 1] - '0';
                    if (number > GroupCount)
                    {
                        throw FunctionErrors.InvalidArgument($"No group {number}");
                    }

                    i++;
                    while (i + 1 < replacement.Length && char.IsAsciiDigit(replacement[i + 1]))
                    {
                        var candidate = (number * 10) + (replacement[i + 1] - '0');
                        if (candidate > GroupCount)
                        {
                            break;
                        }

                        number = candidate;
                        i++;
                    }

                    sb.Append("${").Append(number).Append('}');
                }
                else
                {
                    throw FunctionErrors.InvalidArgument("Illegal group reference");
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private void CheckGroup(long group)
    {
        if (group < 0 || group > GroupCount)
        {
            throw FunctionErrors.InvalidArgument($"Pattern has {GroupCount} groups. Cannot access group {group}");
        }
    }

    private static void WriteUtf8(ReadOnlySpan<char> chars, Utf8ColumnWriter output)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length));
        output.Advance(Encoding.UTF8.GetBytes(chars, span));
    }

    private SqlException Timeout() =>
        new(SqlErrorKind.Execution, $"regular expression '{Pattern}' took longer than {MatchTimeout.TotalSeconds:0} s to match");
}
