using System.Runtime.CompilerServices;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>
/// read_csv('glob' [, header => true, delim => ',', all_varchar => false, sample_size => 20000]): RFC 4180 files
/// (<see cref="CsvRecordReader"/>). Column names come from the first file's header (or column0, column1…); types
/// are inferred from its first <c>sample_size</c> records (<see cref="TextValueParser"/>). An empty unquoted field is
/// NULL. A record with the wrong number of fields or a value that does not parse as its column's type is an error
/// naming the file, line and column.
/// </summary>
public sealed class CsvScanSource : ScanSource
{
    private readonly string _pattern;
    private readonly IReadOnlyList<string> _files;
    private readonly IReadOnlyList<PlanColumn> _columns;
    private readonly TextSourceOptions _options;

    private CsvScanSource(string pattern, IReadOnlyList<string> files, IReadOnlyList<PlanColumn> columns, TextSourceOptions options)
    {
        _pattern = pattern;
        _files = files;
        _columns = columns;
        _options = options;
    }

    public override IReadOnlyList<PlanColumn> Columns => _columns;

    public override string Describe() => $"read_csv('{_pattern}') files={_files.Count}";

    internal static CsvScanSource Open(string pattern, TextSourceOptions options, FunctionContext functions)
    {
        var files = FileGlob.Expand(pattern);
        using var text = new StreamReader(files[0], detectEncodingFromByteOrderMarks: true);
        var reader = new CsvRecordReader(text, options.Delimiter);
        var record = new List<string?>();
        long line;
        if (!Read(reader, record, files[0], out line))
        {
            throw new SqlException(SqlErrorKind.Binder, $"read_csv: {files[0]} is empty: no columns to read");
        }

        var names = options.Header
            ? record.Select((f, i) => string.IsNullOrEmpty(f) ? $"column{i}" : f).ToList()
            : record.Select((_, i) => $"column{i}").ToList();
        var possible = Enumerable.Repeat(TextValueParser.AllCandidates, names.Count).ToArray();
        var saw = new bool[names.Count];
        var sampled = 0;
        if (!options.Header)
        {
            Sample(record);
        }

        while (sampled < options.SampleSize && Read(reader, record, files[0], out line))
        {
            if (record.Count != names.Count)
            {
                throw WrongFieldCount(files[0], line, record.Count, names.Count);
            }

            Sample(record);
        }

        var columns = names.Select((n, i) => new PlanColumn(n, options.AllVarchar ? SqlType.Varchar : TextValueParser.Choose(possible[i], saw[i]))).ToArray();
        return new CsvScanSource(pattern, files, columns, options);

        void Sample(List<string?> fields)
        {
            sampled++;
            for (var c = 0; c < fields.Count; c++)
            {
                if (fields[c] is not { } value)
                {
                    continue;
                }

                saw[c] = true;
                possible[c] = value.Length == 0 ? 0 : TextValueParser.Narrow(possible[c], value, functions);
            }
        }
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
            using var text = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
            var reader = new CsvRecordReader(text, _options.Delimiter);
            var record = new List<string?>();
            long line;
            if (_options.Header && !Read(reader, record, file, out _))
            {
                continue;
            }

            var builders = NewBuilders(projection);
            var rows = 0;
            while (Read(reader, record, file, out line))
            {
                if (record.Count != _columns.Count)
                {
                    throw WrongFieldCount(file, line, record.Count, _columns.Count);
                }

                for (var p = 0; p < projection.Count; p++)
                {
                    var c = projection[p];
                    var value = record[c];
                    object? parsed = null;
                    if (value is not null && !TextValueParser.TryParse(value, _columns[c].Type, context.Functions, out parsed))
                    {
                        throw new SqlException(SqlErrorKind.Execution, $"read_csv: {file} line {line} column \"{_columns[c].Name}\": '{value}' is not a {_columns[c].Type} (types are inferred from the first {_options.SampleSize} rows; use all_varchar => true or a larger sample_size)");
                    }

                    ArrayFactory.Append(builders[p], _columns[c].Type, parsed);
                }

                if (++rows == context.BatchSize)
                {
                    if (Flush(builders, projection, rows, request, context) is { } chunk && Emit(ref produced, request.Limit, chunk, out var emitted, out var done))
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

            if (rows > 0 && Flush(builders, projection, rows, request, context) is { } last && Emit(ref produced, request.Limit, last, out var lastEmitted, out var lastDone))
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

    private static DataChunk? Flush(ArrayBuilder[] builders, IReadOnlyList<int> projection, int rows, ScanRequest request, QueryContext context)
    {
        var columns = new ArrowArray[builders.Length];
        for (var i = 0; i < builders.Length; i++)
        {
            columns[i] = builders[i].Build();
        }

        return ScanFilter.Apply(new DataChunk(columns, rows), request.Filter, context);
    }

    /// <summary>Applies the row limit; true when there is something to return (<paramref name="done"/>: stop after it).</summary>
    internal static bool Emit(ref long produced, long? limit, DataChunk chunk, out DataChunk emitted, out bool done)
    {
        emitted = chunk;
        done = false;
        if (limit is { } l && produced + chunk.Length >= l)
        {
            emitted = chunk.Slice(0, (int)(l - produced));
            done = true;
        }

        produced += emitted.Length;
        return emitted.Length > 0 || done;
    }

    /// <summary>The next record (null for an empty unquoted field); malformed quoting becomes an error naming the file.</summary>
    private static bool Read(CsvRecordReader reader, List<string?> record, string file, out long line)
    {
        try
        {
            return reader.TryRead(record, out line);
        }
        catch (FormatException e)
        {
            throw new SqlException(SqlErrorKind.Execution, $"read_csv: {file} {e.Message}", e);
        }
    }

    private static SqlException WrongFieldCount(string file, long line, int found, int expected) =>
        new(SqlErrorKind.Execution, $"read_csv: {file} line {line}: {found} fields, expected {expected}");
}
