using System.Runtime.CompilerServices;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Parquet.Reading;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>
/// read_parquet('glob'): the files' columns (schema of the first file; others must have the columns by
/// name). Reads only the projected columns, skips row groups whose statistics exclude the pushed filter,
/// applies the filter exactly and stops at the limit.
/// </summary>
public sealed class ParquetScanSource : ScanSource
{
    private readonly string _pattern;
    private readonly IReadOnlyList<PlanColumn> _columns;

    private readonly long _firstFileRows;

    private ParquetScanSource(string pattern, IReadOnlyList<string> files, IReadOnlyList<PlanColumn> columns, long firstFileRows)
    {
        _pattern = pattern;
        Files = files;
        _columns = columns;
        _firstFileRows = firstFileRows;
    }

    public IReadOnlyList<string> Files { get; }

    public override IReadOnlyList<PlanColumn> Columns => _columns;

    /// <summary>The first file's row count times the number of files (only the first footer is read at planning).</summary>
    public override long? EstimatedRowCount => _firstFileRows * Files.Count;

    public static async Task<ParquetScanSource> OpenAsync(string pattern, CancellationToken cancellationToken)
    {
        var files = FileGlob.Expand(pattern);
        await using var reader = await ParquetReader.OpenFileAsync(files[0], cancellationToken: cancellationToken).ConfigureAwait(false);
        var columns = new List<PlanColumn>();
        foreach (var field in reader.Schema.Fields)
        {
            var type = SqlType.FromArrow(field.Type) ?? throw new SqlException(SqlErrorKind.NotImplemented, $"column \"{field.Name}\" of {files[0]} has Arrow type {field.Type}, which has no SQL type");
            columns.Add(new PlanColumn(field.Name, type));
        }

        return new ParquetScanSource(pattern, files, columns, reader.RowCount);
    }

    public override string Describe() => $"read_parquet('{_pattern}') files={Files.Count}";

    public override async IAsyncEnumerable<DataChunk> ScanAsync(ScanRequest request, QueryContext context)
    {
        var names = request.Projection.Select(i => _columns[i].Name).ToArray();
        var types = request.Projection.Select(i => _columns[i].Type).ToArray();
        var pruner = request.Filter is null ? null : new RowGroupPruner(request.Filter, names, types);
        long produced = 0;
        foreach (var file in Files)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            await using var reader = await ParquetReader.OpenFileAsync(file, cancellationToken: context.CancellationToken).ConfigureAwait(false);
            int[] fields;
            try
            {
                fields = names.Length == 0 ? [] : reader.ResolveColumns(names);
            }
            catch (Exception e) when (e is ArgumentException or KeyNotFoundException or InvalidOperationException)
            {
                throw new SqlException(SqlErrorKind.Execution, $"{file}: {e.Message}");
            }

            if (request.Statistics is { } s)
            {
                s.FilesRead++;
            }

            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var stats = reader.GetRowGroupStatistics(g);
                if (pruner is not null && !pruner.MightMatch(stats))
                {
                    if (request.Statistics is { } st)
                    {
                        st.RowGroupsSkipped++;
                    }

                    continue;
                }

                if (request.Statistics is { } st2)
                {
                    st2.RowGroupsRead++;
                }

                if (names.Length == 0)
                {
                    // count(*)-style scans: rows without columns.
                    var rows = (int)stats.NumRows;
                    for (var start = 0; start < rows; start += context.BatchSize)
                    {
                        var len = Math.Min(context.BatchSize, rows - start);
                        yield return new DataChunk([], len);
                        produced += len;
                        if (request.Limit is { } lim0 && produced >= lim0)
                        {
                            yield break;
                        }
                    }

                    continue;
                }

                var batch = await reader.ReadRowGroupAsync(g, fields, context.CancellationToken).ConfigureAwait(false);
                foreach (var chunk in ScanChunks.Split(batch, types, request.Filter, context))
                {
                    if (request.Limit is { } limit && produced + chunk.Length >= limit)
                    {
                        yield return chunk.Slice(0, (int)(limit - produced));
                        yield break;
                    }

                    produced += chunk.Length;
                    yield return chunk;
                }
            }
        }
    }
}
