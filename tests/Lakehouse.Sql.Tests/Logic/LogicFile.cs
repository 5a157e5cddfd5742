namespace Lakehouse.Sql.Tests.Logic;

/// <summary>Parses and writes sqllogictest files (statement ok|error regex, query TYPES [rowsort|valuesort], ----, rows).</summary>
public static class LogicFile
{
    public static List<LogicRecord> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var records = new List<LogicRecord>();
        var comments = new List<string>();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                comments.Add(line);
                i++;
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                comments.Clear();
                i++;
                continue;
            }

            var header = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            var start = i + 1;
            i++;
            var sql = new List<string>();
            while (i < lines.Length && !string.IsNullOrWhiteSpace(lines[i]) && lines[i] != "----")
            {
                sql.Add(lines[i]);
                i++;
            }

            List<string>? expected = null;
            if (i < lines.Length && lines[i] == "----")
            {
                i++;
                expected = [];
                while (i < lines.Length && lines[i].Length > 0)
                {
                    expected.Add(lines[i]);
                    i++;
                }
            }

            if (header[0] == "statement")
            {
                records.Add(new LogicRecord { Line = start, Kind = "statement", Mode = header[1], Argument = header.Length > 2 ? header[2] : null, Sql = string.Join('\n', sql), Comments = [.. comments] });
            }
            else if (header[0] == "query")
            {
                records.Add(new LogicRecord { Line = start, Kind = "query", Mode = header[1], Argument = header.Length > 2 ? header[2] : "nosort", Sql = string.Join('\n', sql), Expected = expected, Comments = [.. comments] });
            }
            else
            {
                throw new FormatException($"line {start}: unknown record \"{line}\"");
            }

            comments.Clear();
        }

        return records;
    }

    public static string Write(IReadOnlyList<LogicRecord> records, string? header)
    {
        var sb = new System.Text.StringBuilder();
        if (header is not null)
        {
            sb.Append(header);
        }

        foreach (var r in records)
        {
            foreach (var c in r.Comments)
            {
                sb.Append(c).Append('\n');
            }

            sb.Append(r.Kind).Append(' ').Append(r.Mode);
            if (r.Argument is not null && !(r.Kind == "query" && r.Argument == "nosort"))
            {
                sb.Append(' ').Append(r.Argument);
            }

            sb.Append('\n').Append(r.Sql).Append('\n');
            if (r.Kind == "query")
            {
                sb.Append("----\n");
                foreach (var e in r.Expected ?? [])
                {
                    sb.Append(e).Append('\n');
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
