using System.Globalization;
using System.Text;

namespace Lakehouse.Sql.Functions.Json;

/// <summary>
/// Trino's JSONPath subset for json_extract and json_extract_scalar, parsed once: <c>$</c> then any of
/// <c>.key</c>, <c>["key"]</c>, <c>['key']</c>, <c>[n]</c>, and the wildcards <c>.*</c> and <c>[*]</c>.
/// </summary>
public sealed class JsonPath
{
    private JsonPath(string text, Segment[] segments)
    {
        Text = text;
        Segments = segments;
        HasWildcard = Array.Exists(segments, s => s.IsWildcard);
    }

    public string Text { get; }

    public IReadOnlyList<Segment> Segments { get; }

    public bool HasWildcard { get; }

    public static JsonPath Parse(string path)
    {
        var p = path.Trim();
        if (p.Length == 0 || p[0] != '$')
        {
            throw Invalid(path);
        }

        var segments = new List<Segment>();
        var i = 1;
        while (i < p.Length)
        {
            var c = p[i];
            if (c == '.')
            {
                i++;
                if (i < p.Length && p[i] == '*')
                {
                    segments.Add(new Segment(null, -1, true));
                    i++;
                    continue;
                }

                var start = i;
                while (i < p.Length && p[i] != '.' && p[i] != '[')
                {
                    i++;
                }

                if (i == start)
                {
                    throw Invalid(path);
                }

                segments.Add(new Segment(Encoding.UTF8.GetBytes(p[start..i]), -1, false));
            }
            else if (c == '[')
            {
                i++;
                if (i < p.Length && (p[i] == '"' || p[i] == '\''))
                {
                    var quote = p[i++];
                    var sb = new StringBuilder();
                    while (i < p.Length && p[i] != quote)
                    {
                        if (p[i] == '\\' && i + 1 < p.Length)
                        {
                            i++;
                        }

                        sb.Append(p[i++]);
                    }

                    if (i + 1 >= p.Length || p[i + 1] != ']')
                    {
                        throw Invalid(path);
                    }

                    i += 2;
                    segments.Add(new Segment(Encoding.UTF8.GetBytes(sb.ToString()), -1, false));
                }
                else if (i < p.Length && p[i] == '*')
                {
                    if (i + 1 >= p.Length || p[i + 1] != ']')
                    {
                        throw Invalid(path);
                    }

                    i += 2;
                    segments.Add(new Segment(null, -1, true));
                }
                else
                {
                    var start = i;
                    while (i < p.Length && char.IsAsciiDigit(p[i]))
                    {
                        i++;
                    }

                    if (i == start || i >= p.Length || p[i] != ']'
                        || !int.TryParse(p.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        throw Invalid(path);
                    }

                    i++;
                    segments.Add(new Segment(null, index, false));
                }
            }
            else
            {
                throw Invalid(path);
            }
        }

        return new JsonPath(path, [.. segments]);
    }

    private static SqlException Invalid(string path) => FunctionErrors.InvalidArgument($"Invalid JSON path: '{path}'");

    /// <summary>One step: an object key, an array index, or a wildcard over either.</summary>
    public sealed record Segment(byte[]? Key, int Index, bool IsWildcard);
}
