using System.Globalization;
using System.Text;

namespace Lakehouse.Sql.Functions.RegularExpressions;

/// <summary>
/// Translates Trino's regular-expression syntax (Java-style) to .NET's where the two differ:
/// <c>\Q…\E</c> quoting, <c>\x{h…}</c> code points, possessive quantifiers (<c>a*+</c> becomes
/// <c>(?&gt;a*)</c>), <c>\h \H \v \V \R</c>, POSIX and java classes (<c>\p{Alpha}</c>, <c>\p{javaLowerCase}</c>),
/// <c>\p{InGreek}</c> blocks; <c>&amp;&amp;</c> class intersection is rejected.
/// </summary>
public static class JavaRegexTranslator
{
    private const string HorizontalSpace = "\\t \\u00A0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000";
    private const string VerticalSpace = "\\n\\u000B\\f\\r\\u0085\\u2028\\u2029";

    public static string Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        var atomStart = -1; // start (in sb) of the last complete atom, for possessive quantifiers
        var groupStarts = new Stack<int>();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    atomStart = sb.Length;
                    i = TranslateEscape(pattern, i, sb, inClass: false);
                    continue;
                case '[':
                    atomStart = sb.Length;
                    i = TranslateClass(pattern, i, sb);
                    continue;
                case '(':
                    groupStarts.Push(sb.Length);
                    sb.Append(c);
                    i++;
                    continue;
                case ')':
                    sb.Append(c);
                    atomStart = groupStarts.Count > 0 ? groupStarts.Pop() : -1;
                    i++;
                    continue;
                case '*' or '+' or '?' or '{':
                    {
                        var end = QuantifierEnd(pattern, i);
                        if (end < 0)
                        {
                            sb.Append(c);
                            atomStart = sb.Length - 1;
                            i++;
                            continue;
                        }

                        var quantifier = pattern[i..end];
                        if (end < pattern.Length && pattern[end] == '+' && atomStart >= 0)
                        {
                            var atom = sb.ToString(atomStart, sb.Length - atomStart);
                            sb.Length = atomStart;
                            sb.Append("(?>").Append(atom).Append(quantifier).Append(')');
                            i = end + 1;
                        }
                        else
                        {
                            sb.Append(quantifier);
                            i = end;
                            if (i < pattern.Length && pattern[i] == '?')
                            {
                                sb.Append('?');
                                i++;
                            }
                        }

                        atomStart = -1;
                        continue;
                    }

                default:
                    atomStart = sb.Length;
                    sb.Append(c);
                    i++;
                    continue;
            }
        }

        return sb.ToString();
    }

    /// <summary>End (exclusive) of the quantifier at <paramref name="i"/>, or -1 when '{' is a literal.</summary>
    private static int QuantifierEnd(string p, int i)
    {
        if (p[i] != '{')
        {
            return i + 1;
        }

        var j = i + 1;
        var digits = 0;
        while (j < p.Length && (char.IsAsciiDigit(p[j]) || p[j] == ','))
        {
            digits++;
            j++;
        }

        return j < p.Length && p[j] == '}' && digits > 0 ? j + 1 : -1;
    }

    private static int TranslateEscape(string p, int i, StringBuilder sb, bool inClass)
    {
        if (i + 1 >= p.Length)
        {
            throw Invalid(p, "unexpected end of pattern after '\\'");
        }

        var e = p[i + 1];
        switch (e)
        {
            case 'Q' when !inClass:
                {
                    var end = p.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                    var literal = end < 0 ? p[(i + 2)..] : p[(i + 2)..end];
                    sb.Append("(?:").Append(System.Text.RegularExpressions.Regex.Escape(literal)).Append(')');
                    return end < 0 ? p.Length : end + 2;
                }

            case 'x' when i + 2 < p.Length && p[i + 2] == '{':
                {
                    var end = p.IndexOf('}', i + 3);
                    if (end < 0 || !int.TryParse(p.AsSpan((i + 3)..end), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp) || !Rune.IsValid(cp))
                    {
                        throw Invalid(p, "illegal hexadecimal escape sequence");
                    }

                    AppendCodePoint(sb, cp, inClass);
                    return end + 1;
                }

            case 'h':
                sb.Append(inClass ? HorizontalSpace : "[" + HorizontalSpace + "]");
                return i + 2;
            case 'H' when !inClass:
                sb.Append("[^" + HorizontalSpace + "]");
                return i + 2;
            case 'v':
                sb.Append(inClass ? VerticalSpace : "[" + VerticalSpace + "]");
                return i + 2;
            case 'V' when !inClass:
                sb.Append("[^" + VerticalSpace + "]");
                return i + 2;
            case 'R' when !inClass:
                sb.Append("(?:\\r\\n|[" + VerticalSpace + "])");
                return i + 2;
            case 'p' or 'P':
                return TranslateProperty(p, i, sb, inClass);
            case 'Z' or 'z' or 'A' or 'b' or 'B' or 'G' or 'd' or 'D' or 's' or 'S' or 'w' or 'W' or 't' or 'n' or 'r' or 'f' or 'a' or 'e':
                sb.Append('\\').Append(e);
                return i + 2;
            case 'c' or 'u' or 'x' or '0' or 'k':
                // Control characters, \uXXXX, \xXX, octal \0nn and \k<name> are spelled the same.
                sb.Append('\\').Append(e);
                return i + 2;
            default:
                if (char.IsAsciiDigit(e))
                {
                    sb.Append('\\').Append(e);
                    return i + 2;
                }

                if (char.IsAsciiLetter(e))
                {
                    throw Invalid(p, $"illegal/unsupported escape sequence \\{e}");
                }

                sb.Append('\\').Append(e);
                return i + 2;
        }
    }

    private static int TranslateProperty(string p, int i, StringBuilder sb, bool inClass)
    {
        var negated = p[i + 1] == 'P';
        string name;
        int next;
        if (i + 2 < p.Length && p[i + 2] == '{')
        {
            var end = p.IndexOf('}', i + 3);
            if (end < 0)
            {
                throw Invalid(p, "unclosed character family");
            }

            name = p[(i + 3)..end];
            next = end + 1;
        }
        else if (i + 2 < p.Length)
        {
            name = p[(i + 2)..(i + 3)];
            next = i + 3;
        }
        else
        {
            throw Invalid(p, "unknown character property");
        }

        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        var posix = name switch
        {
            "Lower" => "a-z",
            "Upper" => "A-Z",
            "ASCII" => "\\x00-\\x7F",
            "Alpha" => "a-zA-Z",
            "Digit" => "0-9",
            "Alnum" => "a-zA-Z0-9",
            "Punct" => "!-/:-@\\[-`{-~",
            "Graph" => "!-~",
            "Print" => " -~",
            "Blank" => " \\t",
            "Cntrl" => "\\x00-\\x1F\\x7F",
            "XDigit" => "0-9a-fA-F",
            "Space" => " \\t\\n\\x0B\\f\\r",
            "javaLowerCase" => "\\p{Ll}",
            "javaUpperCase" => "\\p{Lu}",
            "javaWhitespace" => "\\s",
            "javaMirrored" => null,
            "Alphabetic" or "IsAlphabetic" => "\\p{L}\\p{Nl}",
            "Letter" or "IsLetter" => "\\p{L}",
            "IsDigit" => "\\p{Nd}",
            "IsLowercase" => "\\p{Ll}",
            "IsUppercase" => "\\p{Lu}",
            "IsWhite_Space" or "WhiteSpace" => "\\s",
            "IsPunctuation" => "\\p{P}",
            _ => null,
        };
        string body;
        if (posix is not null)
        {
            body = posix;
        }
        else if (name.StartsWith("In", StringComparison.Ordinal) && name.Length > 2)
        {
            body = "\\p{Is" + name[2..] + "}";
        }
        else if (name.Length <= 2 && char.IsAsciiLetterUpper(name[0]))
        {
            body = "\\p{" + name + "}";
        }
        else if (name.StartsWith("Is", StringComparison.Ordinal) && name.Length <= 4)
        {
            body = "\\p{" + name[2..] + "}";
        }
        else
        {
            throw FunctionErrors.NotSupported($"regular expression character property \\p{{{name}}} is not supported");
        }

        if (inClass)
        {
            if (negated)
            {
                throw FunctionErrors.NotSupported($"negated property \\P{{{name}}} inside a character class is not supported");
            }

            sb.Append(body);
        }
        else
        {
            sb.Append(negated ? "[^" : "[").Append(body).Append(']');
        }

        return next;
    }

    private static int TranslateClass(string p, int i, StringBuilder sb)
    {
        sb.Append('[');
        i++;
        if (i < p.Length && p[i] == '^')
        {
            sb.Append('^');
            i++;
        }

        if (i < p.Length && p[i] == ']')
        {
            sb.Append("\\]");
            i++;
        }

        while (i < p.Length)
        {
            var c = p[i];
            if (c == ']')
            {
                sb.Append(']');
                return i + 1;
            }

            if (c == '\\')
            {
                i = TranslateEscape(p, i, sb, inClass: true);
                continue;
            }

            if (c == '[')
            {
                throw FunctionErrors.NotSupported("nested character classes and '&&' intersections in regular expressions are not supported");
            }

            if (c == '&' && i + 1 < p.Length && p[i + 1] == '&')
            {
                throw FunctionErrors.NotSupported("character class intersection '&&' in regular expressions is not supported");
            }

            sb.Append(c);
            i++;
        }

        throw Invalid(p, "unclosed character class");
    }

    private static void AppendCodePoint(StringBuilder sb, int cp, bool inClass)
    {
        if (cp <= 0xFFFF)
        {
            sb.Append("\\u").Append(cp.ToString("X4", CultureInfo.InvariantCulture));
            return;
        }

        if (inClass)
        {
            throw FunctionErrors.NotSupported("supplementary code points inside character classes are not supported");
        }

        var s = char.ConvertFromUtf32(cp);
        sb.Append("(?:\\u").Append(((int)s[0]).ToString("X4", CultureInfo.InvariantCulture))
            .Append("\\u").Append(((int)s[1]).ToString("X4", CultureInfo.InvariantCulture)).Append(')');
    }

    private static SqlException Invalid(string pattern, string problem) =>
        FunctionErrors.InvalidArgument($"invalid regular expression '{pattern}': {problem}");
}
