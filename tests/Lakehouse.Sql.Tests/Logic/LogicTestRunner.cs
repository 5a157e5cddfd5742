using System.Text.RegularExpressions;

namespace Lakehouse.Sql.Tests.Logic;

/// <summary>Runs one .test file against a fresh session; returns failures (or, completing, fills expectations).</summary>
public static class LogicTestRunner
{
    public static string Substitute(string sql) => sql.Replace("${DATA}", TestData.Directory.Replace('\\', '/'), StringComparison.Ordinal);

    public static async Task<List<string>> RunAsync(string path, int batchSize, bool complete)
    {
        var text = await File.ReadAllTextAsync(path);
        var records = LogicFile.Parse(text);
        var engine = new SqlEngine(new SqlEngineOptions { BatchSize = batchSize, DegreeOfParallelism = 2, QueryTimeout = TimeSpan.FromMinutes(1) });
        var session = engine.CreateSession();
        var failures = new List<string>();
        var changed = false;
        foreach (var record in records)
        {
            var where = $"{Path.GetFileName(path)}:{record.Line}";
            var sql = Substitute(record.Sql);
            if (record.Kind == "statement")
            {
                try
                {
                    await session.QueryAsync(sql);
                    if (record.Mode == "error")
                    {
                        failures.Add($"{where}: expected an error matching /{record.Argument}/ but the statement succeeded\n{record.Sql}");
                    }
                }
                catch (SqlException e)
                {
                    if (record.Mode == "ok")
                    {
                        failures.Add($"{where}: {e.Message}\n{record.Sql}");
                    }
                    else if (record.Argument is { } pattern && !Regex.IsMatch(e.Message, pattern, RegexOptions.IgnoreCase))
                    {
                        failures.Add($"{where}: error \"{e.Message}\" does not match /{pattern}/\n{record.Sql}");
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{where}: crashed with {e.GetType().Name}: {e.Message}\n{record.Sql}\n{e.StackTrace}");
                }

                continue;
            }

            List<string> actual;
            try
            {
                var batches = await session.QueryAsync(sql);
                var rows = ValueFormatter.Rows(batches);
                if (rows.Count > 0 && rows[0].Length != record.Mode.Length)
                {
                    failures.Add($"{where}: the query returns {rows[0].Length} columns but the header says {record.Mode.Length}\n{record.Sql}");
                    continue;
                }

                actual = Arrange(rows, record.Argument);
            }
            catch (Exception e)
            {
                failures.Add($"{where}: {(e is SqlException ? string.Empty : e.GetType().Name + ": ")}{e.Message}\n{record.Sql}{(e is SqlException ? string.Empty : "\n" + e.StackTrace)}");
                continue;
            }

            if (complete && (record.Expected is null || record.Expected.Count == 0))
            {
                record.Expected = actual;
                changed = true;
                continue;
            }

            var expected = record.Expected ?? [];
            if (record.Argument == "rowsort" || record.Argument == "valuesort")
            {
                expected = Arrange(expected.Select(l => l.Split('\t')).ToList(), record.Argument);
            }

            if (!expected.SequenceEqual(actual))
            {
                failures.Add($"{where}: result differs\n{record.Sql}\nexpected:\n{string.Join('\n', expected)}\nactual:\n{string.Join('\n', actual)}");
            }
        }

        if (complete && changed)
        {
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var headerLines = lines.TakeWhile(l => l.StartsWith('#')).ToList();
            var header = headerLines.Count > 0 && lines.Length > headerLines.Count && lines[headerLines.Count].Length == 0 ? string.Concat(headerLines.Select(l => l + "\n")) : string.Empty;
            await File.WriteAllTextAsync(path, LogicFile.Write(records, header.Length > 0 ? header + "\n" : null));
        }

        return failures;
    }

    private static List<string> Arrange(List<string[]> rows, string? mode) => mode switch
    {
        "rowsort" => rows.Select(r => string.Join('\t', r)).Order(StringComparer.Ordinal).ToList(),
        "valuesort" => rows.SelectMany(r => r).Order(StringComparer.Ordinal).ToList(),
        _ => rows.Select(r => string.Join('\t', r)).ToList(),
    };
}
