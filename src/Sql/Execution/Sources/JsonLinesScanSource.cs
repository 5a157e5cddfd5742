using System.Text.Json;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>
/// read_json('glob' [, all_varchar => false, sample_size => 20000]): newline-delimited JSON objects. Columns are
/// the keys seen in the first file's first <c>sample_size</c> objects, in first-seen order; types are inferred:
/// integers bigint, numbers double, true/false boolean, strings date or timestamp when every sampled one parses
/// as such (else varchar), arrays of scalars arrays of the element type; objects, nested arrays and keys whose
/// values disagree become varchar holding the JSON text. A missing key or JSON null is NULL. Blank lines are
/// skipped; anything that is not one JSON object per line is an error naming the file and line.
/// </summary>
public sealed class JsonLinesScanSource : ScanSource
{
    private const int IntegerKind = 1;
    private const int NumberKind = 2;
    private const int BooleanKind = 4;
    private const int StringKind = 8;
    private const int ArrayKind = 16;
    private const int OtherKind = 32;

    private readonly string _pattern;
    private readonly IReadOnlyList<string> _files;
    private readonly IReadOnlyList<PlanColumn> _columns;

    private JsonLinesScanSource(string pattern, IReadOnlyList<string> files, IReadOnlyList<PlanColumn> columns)
    {
        _pattern = pattern;
        _files = files;
        _columns = columns;
    }

    public override IReadOnlyList<PlanColumn> Columns => _columns;

    public override string Describe() => $"read_json('{_pattern}') files={_files.Count}";

    internal static JsonLinesScanSource Open(string pattern, TextSourceOptions options, FunctionContext functions)
    {
        var files = FileGlob.Expand(pattern);
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var kinds = new List<int>();
        var elementKinds = new List<int>();
        var textTypes = new List<int>();
        var elementTextTypes = new List<int>();
        var sampled = 0;
        long line = 0;
        foreach (var text in File.ReadLines(files[0]))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (sampled++ == options.SampleSize)
            {
                break;
            }

            using var doc = Parse(text, files[0], line);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (!index.TryGetValue(property.Name, out var c))
                {
                    c = names.Count;
                    index[property.Name] = c;
                    names.Add(property.Name);
                    kinds.Add(0);
                    elementKinds.Add(0);
                    textTypes.Add(DateOrTimestamp);
                    elementTextTypes.Add(DateOrTimestamp);
                }

                kinds[c] |= Kind(property.Value);
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    textTypes[c] = TextValueParser.Narrow(textTypes[c], property.Value.GetString()!, functions);
                }
                else if (property.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var element in property.Value.EnumerateArray())
                    {
                        elementKinds[c] |= Kind(element);
                        if (element.ValueKind == JsonValueKind.String)
                        {
                            elementTextTypes[c] = TextValueParser.Narrow(elementTextTypes[c], element.GetString()!, functions);
                        }
                    }
                }
            }
        }

        if (names.Count == 0)
        {
            throw new SqlException(SqlErrorKind.Binder, $"read_json: {files[0]} has no JSON objects with keys: no columns to read");
        }

        var columns = names.Select((n, i) => new PlanColumn(n, options.AllVarchar ? SqlType.Varchar : TypeOf(kinds[i], textTypes[i], elementKinds[i], elementTextTypes[i]))).ToArray();
        return new JsonLinesScanSource(pattern, files, columns);
    }

    /// <summary>Only the date and timestamp candidates of <see cref="TextValueParser"/>: JSON strings of digits stay strings.</summary>
    private static int DateOrTimestamp => (1 << 3) | (1 << 4);

    private static int Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => 0,
        JsonValueKind.Number => value.TryGetInt64(out _) ? IntegerKind : NumberKind,
        JsonValueKind.True or JsonValueKind.False => BooleanKind,
        JsonValueKind.String => StringKind,
        JsonValueKind.Array => ArrayKind,
        _ => OtherKind,
    };

    private static SqlType TypeOf(int kinds, int textTypes, int elementKinds, int elementTextTypes) => kinds switch
    {
        ArrayKind => SqlType.Array(ScalarType(elementKinds, elementTextTypes)),
        _ => ScalarType(kinds, textTypes),
    };

    private static SqlType ScalarType(int kinds, int textTypes) => kinds switch
    {
        IntegerKind => SqlType.BigInt,
        IntegerKind | NumberKind or NumberKind => SqlType.Double,
        BooleanKind => SqlType.Boolean,
        StringKind => TextValueParser.Choose(textTypes, sawValue: true),
        _ => SqlType.Varchar,
    };

    private static JsonDocument Parse(string text, string file, long line)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new SqlException(SqlErrorKind.Execution, $"read_json: {file} line {line}: invalid JSON: {e.Message}");
        }

        var kind = doc.RootElement.ValueKind;
        if (kind != JsonValueKind.Object)
        {
            doc.Dispose();
            throw new SqlException(SqlErrorKind.Execution, $"read_json: {file} line {line}: expected a JSON object, found {kind}");
        }

        return doc;
    }

    public override async IAsyncEnumerable<DataChunk> ScanAsync(ScanRequest request, QueryContext context)
    {
        var projection = request.Projection;
        long produced = 0;
        foreach (var file in _files)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (request.Statistics is { } statistics)
            {
                statistics.FilesRead++;
            }
            var builders = NewBuilders(projection);
            var rows = 0;
            long line = 0;
            foreach (var text in File.ReadLines(file))
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                using (var doc = Parse(text, file, line))
                {
                    for (var p = 0; p < projection.Count; p++)
                    {
                        var column = _columns[projection[p]];
                        object? value = null;
                        if (doc.RootElement.TryGetProperty(column.Name, out var element))
                        {
                            value = Convert(element, column.Type, context.Functions, file, line, column.Name);
                        }

                        ArrayFactory.Append(builders[p], column.Type, value);
                    }
                }

                if (++rows == context.BatchSize)
                {
                    var chunk = ScanFilter.Apply(new DataChunk(builders.Select(b => b.Build()).ToArray(), rows), request.Filter, context);
                    if (chunk is not null && CsvScanSource.Emit(ref produced, request.Limit, chunk, out var emitted, out var done))
                    {
                        yield return emitted;
                        if (done)
                        {
                            yield break;
                        }
                    }

                    builders = NewBuilders(projection);
                    rows = 0;
                    await Task.Yield();
                }
            }

            if (rows > 0 && ScanFilter.Apply(new DataChunk(builders.Select(b => b.Build()).ToArray(), rows), request.Filter, context) is { } last
                && CsvScanSource.Emit(ref produced, request.Limit, last, out var lastEmitted, out var lastDone))
            {
                yield return lastEmitted;
                if (lastDone)
                {
                    yield break;
                }
            }
        }
    }

    private ArrayBuilder[] NewBuilders(IReadOnlyList<int> projection) => projection.Select(c => ArrayBuilder.Create(_columns[c].Type.ArrowType)).ToArray();

    private static object? Convert(JsonElement element, SqlType type, FunctionContext functions, string file, long line, string key)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (type.Kind)
        {
            case SqlTypeKind.Varchar:
                return element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
            case SqlTypeKind.BigInt when element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var l):
                return l;
            case SqlTypeKind.Double when element.ValueKind == JsonValueKind.Number:
                return element.GetDouble();
            case SqlTypeKind.Boolean when element.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return element.GetBoolean();
            case SqlTypeKind.Date or SqlTypeKind.Timestamp when element.ValueKind == JsonValueKind.String && TextValueParser.TryParse(element.GetString()!, type, functions, out var parsed):
                return parsed;
            case SqlTypeKind.Array when element.ValueKind == JsonValueKind.Array:
                return element.EnumerateArray().Select(e => Convert(e, type.ElementType!, functions, file, line, key)).ToArray();
            default:
                throw new SqlException(SqlErrorKind.Execution, $"read_json: {file} line {line} key \"{key}\": {element.GetRawText()} is not a {type} (types are inferred from the first rows; use all_varchar => true or a larger sample_size)");
        }
    }
}
