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

    public override bool SupportsMorsels => true;

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
            var fields = Resolve(reader, file, names);
            CountFile(request);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                if (!Keep(reader, g, pruner, request))
                {
                    continue;
                }

                await foreach (var chunk in ReadRowGroupAsync(reader, g, fields, types, request, context).ConfigureAwait(false))
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

    /// <summary>One morsel per row group that the pushed filter's statistics check keeps (footers are read here, once).</summary>
    public override async Task<IReadOnlyList<ScanMorsel>> PlanMorselsAsync(ScanRequest request, QueryContext context)
    {
        var names = request.Projection.Select(i => _columns[i].Name).ToArray();
        var types = request.Projection.Select(i => _columns[i].Type).ToArray();
        var pruner = request.Filter is null ? null : new RowGroupPruner(request.Filter, names, types);
        var morsels = new List<ScanMorsel>();
        foreach (var file in Files)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            await using var reader = await ParquetReader.OpenFileAsync(file, cancellationToken: context.CancellationToken).ConfigureAwait(false);
            Resolve(reader, file, names);
            CountFile(request);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                if (Keep(reader, g, pruner, request))
                {
                    morsels.Add(new ParquetRowGroupMorsel(file, g, reader.Metadata.RowGroups[g].NumRows));
                }
            }
        }

        return morsels;
    }

    public override async IAsyncEnumerable<DataChunk> ScanMorselAsync(ScanMorsel morsel, ScanRequest request, QueryContext context)
    {
        var m = (ParquetRowGroupMorsel)morsel;
        var names = request.Projection.Select(i => _columns[i].Name).ToArray();
        var types = request.Projection.Select(i => _columns[i].Type).ToArray();
        await using var reader = await ParquetReader.OpenFileAsync(m.File, cancellationToken: context.CancellationToken).ConfigureAwait(false);
        var fields = Resolve(reader, m.File, names);
        await foreach (var chunk in ReadRowGroupAsync(reader, m.RowGroup, fields, types, request, context).ConfigureAwait(false))
        {
            yield return chunk;
        }
    }

    private static int[] Resolve(ParquetReader reader, string file, string[] names)
    {
        try
        {
            return names.Length == 0 ? [] : reader.ResolveColumns(names);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            throw new SqlException(SqlErrorKind.Execution, $"{file}: {e.Message}");
        }
    }

    private static void CountFile(ScanRequest request)
    {
        if (request.Statistics is { } s)
        {
            Interlocked.Increment(ref s.FilesRead);
        }
    }

    private static bool Keep(ParquetReader reader, int g, RowGroupPruner? pruner, ScanRequest request)
    {
        if (pruner is not null && !pruner.MightMatch(reader.GetRowGroupStatistics(g)))
        {
            if (request.Statistics is { } st)
            {
                Interlocked.Increment(ref st.RowGroupsSkipped);
            }

            return false;
        }

        if (request.Statistics is { } st2)
        {
            Interlocked.Increment(ref st2.RowGroupsRead);
        }

        return true;
    }

    private static async IAsyncEnumerable<DataChunk> ReadRowGroupAsync(ParquetReader reader, int g, int[] fields, SqlType[] types, ScanRequest request, QueryContext context)
    {
        if (fields.Length == 0)
        {
            // count(*)-style scans: rows without columns.
            var rows = (int)reader.Metadata.RowGroups[g].NumRows;
            for (var start = 0; start < rows; start += context.BatchSize)
            {
                yield return new DataChunk([], Math.Min(context.BatchSize, rows - start));
            }

            yield break;
        }

        var batch = await reader.ReadRowGroupAsync(g, fields, context.CancellationToken).ConfigureAwait(false);
        foreach (var chunk in ScanChunks.Split(batch, types, request.Filter, context))
        {
            yield return chunk;
        }
    }
}
