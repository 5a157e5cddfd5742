using System.Runtime.CompilerServices;
using System.Text;

using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;
using Lakehouse.Flight.Sql;

namespace Lakehouse.Flight.Tests.Sql;

/// <summary>
/// TEST ONLY: a Flight SQL backend over in-memory Arrow tables that understands a tiny fixed set of
/// statements (see <see cref="PrepareAsync"/>). It stands in for the SQL engine so the protocol can be
/// tested on its own; results are deterministic so tests can compare what clients decode with
/// <see cref="EventsBatch"/>.
/// </summary>
internal sealed class TestSqlBackend : IFlightSqlBackend
{
    public const string SelectEvents = "SELECT * FROM demo.events";
    public const string SelectEventById = "SELECT * FROM demo.events WHERE id = ?";
    public const string InsertEvent = "INSERT INTO demo.events VALUES (?, ?, ?)";
    public const string DeleteEvents = "DELETE FROM demo.events WHERE id > 100";
    public const string SelectBig = "SELECT * FROM big";
    public const string SelectEndless = "SELECT * FROM endless";

    private readonly Lock _lock = new();
    private readonly List<RecordBatch> _events = [];
    private readonly Dictionary<string, (Schema Schema, List<RecordBatch> Batches)> _ingested = new(StringComparer.Ordinal);
    private int _endlessRunning;

    public TestSqlBackend(int bigRows = 300_000)
    {
        BigRows = bigRows;
        _events.Add(EventsBatch());
    }

    public static Schema EventsSchema { get; } = new(
    [
        new Field("id", ArrowType.Int64, false),
        new Field("user_name", ArrowType.Utf8),
        new Field("score", ArrowType.Float64),
    ]);

    public static Schema BigSchema { get; } = new([new Field("n", ArrowType.Int64, false), new Field("label", ArrowType.Utf8, false)]);

    public int BigRows { get; }

    /// <summary>How many "endless" streams are producing right now (cancel tests check it drops to 0).</summary>
    public int EndlessRunning => Volatile.Read(ref _endlessRunning);

    public IReadOnlyList<string> TableTypes { get; } = ["TABLE", "VIEW"];

    public IReadOnlyList<FlightSqlAdminAction> AdminActions { get; } = [new("TableStatistics", "Files, rows and sizes of a table (body: table name)")];

    public FlightSqlServerIdentity Identity { get; } = new("Lakehouse test backend", "0.0.1-test", ReadOnly: false);

    public static RecordBatch EventsBatch()
    {
        var b = new RecordBatchBuilder(EventsSchema);
        b.AppendRow(1L, "ana", 1.5);
        b.AppendRow(2L, "bo", null);
        b.AppendRow(3L, null, -2.25);
        b.AppendRow(4L, "çé ü", 1e300);
        return b.Build();
    }

    public static RecordBatch BigBatch(int start, int length)
    {
        var b = new RecordBatchBuilder(BigSchema);
        var n = b.Column<PrimitiveBuilder<long>>(0);
        var label = b.Column<BinaryBuilder>(1);
        for (var i = start; i < start + length; i++)
        {
            n.Append(i);
            label.Append("row-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return b.Build();
    }

    public List<RecordBatch> CurrentEvents()
    {
        lock (_lock)
        {
            return [.. _events];
        }
    }

    public ValueTask<FlightSqlPreparedPlan> PrepareAsync(string sql, FlightSqlContext context)
    {
        var none = new Schema([]);
        var plan = sql switch
        {
            SelectEvents => new FlightSqlPreparedPlan(EventsSchema, none, false),
            SelectEventById => new FlightSqlPreparedPlan(EventsSchema, new Schema([new Field("0", ArrowType.Int64)]), false),
            InsertEvent => new FlightSqlPreparedPlan(none, new Schema([new Field("0", ArrowType.Int64), new Field("1", ArrowType.Utf8), new Field("2", ArrowType.Float64)]), true),
            DeleteEvents => new FlightSqlPreparedPlan(none, none, true),
            SelectBig or SelectEndless => new FlightSqlPreparedPlan(BigSchema, none, false),
            _ when sql.StartsWith("SELECT current_schema", StringComparison.Ordinal) => new FlightSqlPreparedPlan(new Schema([new Field("schema", ArrowType.Utf8)]), none, false),
            _ => throw new FlightSqlException(FlightSqlErrorKind.InvalidArgument, $"Binder Error: the test backend does not know '{sql}'"),
        };
        return ValueTask.FromResult(plan);
    }

    public async ValueTask<FlightSqlQueryResult> ExecuteQueryAsync(string sql, RecordBatch? parameters, FlightSqlContext context)
    {
        var plan = await PrepareAsync(sql, context);
        return new FlightSqlQueryResult(plan.ResultSchema, sql switch
        {
            SelectEvents => Yield(CurrentEvents()),
            SelectEventById => Yield(FilterById(parameters ?? throw new FlightSqlException(FlightSqlErrorKind.InvalidArgument, "parameter 0 is not bound"))),
            SelectBig => Big(context.CancellationToken),
            SelectEndless => Endless(context.CancellationToken),
            _ => Yield([new RecordBatchBuilder(plan.ResultSchema).AppendRow(context.Schema).Build()]),
        });
    }

    public ValueTask<long> ExecuteUpdateAsync(string sql, RecordBatch? parameters, FlightSqlContext context)
    {
        lock (_lock)
        {
            if (sql == InsertEvent)
            {
                var p = parameters ?? throw new FlightSqlException(FlightSqlErrorKind.InvalidArgument, "INSERT parameters are not bound");
                _events.Add(new RecordBatch(EventsSchema, p.Columns, p.Length));
                return ValueTask.FromResult((long)p.Length);
            }

            if (sql == DeleteEvents)
            {
                long removed = 0;
                var kept = new List<RecordBatch>();
                foreach (var batch in _events)
                {
                    var ids = (PrimitiveArray<long>)batch.Column(0);
                    var keep = new RecordBatchBuilder(EventsSchema);
                    for (var i = 0; i < batch.Length; i++)
                    {
                        if (ids.Values[i] > 100)
                        {
                            removed++;
                        }
                        else
                        {
                            keep.AppendRow(ids.Values[i], ((BinaryArray)batch.Column(1)).GetString(i), ((PrimitiveArray<double>)batch.Column(2)).GetValue(i));
                        }
                    }

                    kept.Add(keep.Build());
                }

                _events.Clear();
                _events.AddRange(kept);
                return ValueTask.FromResult(removed);
            }
        }

        throw new FlightSqlException(FlightSqlErrorKind.InvalidArgument, $"not an update: {sql}");
    }

    public ValueTask<IReadOnlyList<string>> GetCatalogsAsync(FlightSqlContext context) => ValueTask.FromResult<IReadOnlyList<string>>(["lakehouse"]);

    public ValueTask<IReadOnlyList<FlightSqlSchemaName>> GetDbSchemasAsync(FlightSqlContext context) =>
        ValueTask.FromResult<IReadOnlyList<FlightSqlSchemaName>>([new("lakehouse", "demo"), new("lakehouse", "information_schema"), new("lakehouse", "staging")]);

    public ValueTask<IReadOnlyList<FlightSqlTableInfo>> GetTablesAsync(FlightSqlContext context)
    {
        var tables = new List<FlightSqlTableInfo>
        {
            new("lakehouse", "demo", "events", "TABLE", EventsSchema),
            new("lakehouse", "demo", "big", "TABLE", BigSchema),
            new("lakehouse", "demo", "event_view", "VIEW", EventsSchema),
            new("lakehouse", "staging", "events_raw", "TABLE", new Schema([new Field("payload", ArrowType.Utf8), new Field("amount", new DecimalType(18, 2))])),
        };
        lock (_lock)
        {
            foreach (var (name, table) in _ingested)
            {
                tables.Add(new("lakehouse", "staging", name, "TABLE", table.Schema));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<FlightSqlTableInfo>>(tables);
    }

    public async ValueTask<long> IngestAsync(FlightSqlIngestRequest request, Schema schema, IAsyncEnumerable<RecordBatch> batches, FlightSqlContext context)
    {
        lock (_lock)
        {
            var exists = _ingested.ContainsKey(request.Table);
            if (exists && request.IfExists == FlightSqlIngestMode.Fail)
            {
                throw new FlightSqlException(FlightSqlErrorKind.AlreadyExists, $"table {request.Table} exists");
            }

            if (!exists && !request.CreateIfMissing)
            {
                throw new FlightSqlException(FlightSqlErrorKind.NotFound, $"table {request.Table} does not exist");
            }

            if (!exists || request.IfExists == FlightSqlIngestMode.Replace)
            {
                _ingested[request.Table] = (schema, []);
            }
        }

        long rows = 0;
        await foreach (var batch in batches.WithCancellation(context.CancellationToken))
        {
            lock (_lock)
            {
                _ingested[request.Table].Batches.Add(batch);
            }

            rows += batch.Length;
        }

        return rows;
    }

    public long IngestedRows(string table)
    {
        lock (_lock)
        {
            return _ingested.TryGetValue(table, out var t) ? t.Batches.Sum(b => (long)b.Length) : -1;
        }
    }

    public ValueTask<IReadOnlyList<ReadOnlyMemory<byte>>> RunAdminActionAsync(string type, ReadOnlyMemory<byte> body, FlightSqlContext context)
    {
        var table = Encoding.UTF8.GetString(body.Span);
        var rows = table == "events" ? CurrentEvents().Sum(b => b.Length) : IngestedRows(table);
        return ValueTask.FromResult<IReadOnlyList<ReadOnlyMemory<byte>>>([Encoding.UTF8.GetBytes($"{{\"table\":\"{table}\",\"rows\":{rows}}}")]);
    }

    private static List<RecordBatch> FilterById(RecordBatch parameters)
    {
        var result = new List<RecordBatch>();
        var ids = (PrimitiveArray<long>)parameters.Column(0);
        var events = EventsBatch();
        var all = (PrimitiveArray<long>)events.Column(0);
        for (var p = 0; p < parameters.Length; p++)
        {
            for (var i = 0; i < events.Length; i++)
            {
                if (ids.IsValid(p) && all.Values[i] == ids.Values[p])
                {
                    result.Add(events.Slice(i, 1));
                }
            }
        }

        return result;
    }

    private static async IAsyncEnumerable<RecordBatch> Yield(List<RecordBatch> batches)
    {
        await Task.Yield();
        foreach (var b in batches)
        {
            yield return b;
        }
    }

    private async IAsyncEnumerable<RecordBatch> Big([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int BatchRows = 65_536;
        for (var start = 0; start < BigRows; start += BatchRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return BigBatch(start, Math.Min(BatchRows, BigRows - start));
        }
    }

    private async IAsyncEnumerable<RecordBatch> Endless([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _endlessRunning);
        try
        {
            for (var i = 0; ; i++)
            {
                await Task.Delay(5, cancellationToken);
                yield return BigBatch(i * 100, 100);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _endlessRunning);
        }
    }
}
