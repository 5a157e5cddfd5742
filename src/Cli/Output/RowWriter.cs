using System.Text;
using Lakehouse.Arrow;
using Lakehouse.Cli.Output.Formatting;

namespace Lakehouse.Cli.Output;

/// <summary>
/// Streams record batches as rows in one of the <see cref="OutputFormat"/>s (spec/cli.md). Usage:
/// <c>using var w = RowWriter.Create(format, stream); foreach (var b in batches) w.Write(b); w.Complete();</c>.
/// Batches are formatted one at a time straight into a UTF-8 buffer; nothing but the table writer's
/// width sample is held across batches.
/// </summary>
public abstract class RowWriter : IDisposable
{
    private bool _completed;

    protected RowWriter(Utf8Output output, RowWriterOptions options)
    {
        Output = output;
        Options = options;
    }

    /// <summary>The schema of the rows (set by <see cref="Begin"/> or the first batch).</summary>
    public Schema? Schema { get; private set; }

    /// <summary>Rows written so far.</summary>
    public long RowCount { get; private set; }

    protected Utf8Output Output { get; }

    protected RowWriterOptions Options { get; }

    public static RowWriter Create(OutputFormat format, Stream output, RowWriterOptions? options = null) =>
        Create(format, new Utf8Output(output), options ?? RowWriterOptions.Default);

    public static RowWriter Create(OutputFormat format, TextWriter output, RowWriterOptions? options = null)
    {
        // Writers over a stream get the bytes directly; others get decoded text at row boundaries.
        if (output is StreamWriter sw && sw.Encoding is UTF8Encoding)
        {
            sw.Flush();
            return Create(format, sw.BaseStream, options);
        }

        return Create(format, new Utf8Output(output), options ?? RowWriterOptions.Default);
    }

    /// <summary>Formats everything as one string (tests, small results).</summary>
    public static string Format(OutputFormat format, IEnumerable<RecordBatch> batches, RowWriterOptions? options = null, Schema? schema = null)
    {
        var sw = new StringWriter();
        using var writer = Create(format, sw, options);
        if (schema is not null)
        {
            writer.Begin(schema);
        }

        foreach (var b in batches)
        {
            writer.Write(b);
        }

        writer.Complete();
        return sw.ToString();
    }

    /// <summary>Declares the schema up front (so an empty result still gets its header).</summary>
    public void Begin(Schema schema)
    {
        if (Schema is not null)
        {
            return;
        }

        Schema = schema;
        WriteHeader(schema);
    }

    public void Write(RecordBatch batch)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        Begin(batch.Schema);
        if (batch.Length == 0)
        {
            return;
        }

        try
        {
            var formatters = new ValueFormatter[batch.ColumnCount];
            for (var c = 0; c < formatters.Length; c++)
            {
                formatters[c] = ValueFormatterFactory.Create(batch.Schema[c], batch.Column(c));
            }

            WriteRows(formatters, batch.Length);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException or InvalidCastException)
        {
            // Offsets, indices or buffers that do not fit together: the data is corrupt, not our state.
            throw new InvalidDataException($"a batch of {batch.Length} rows has inconsistent buffers ({e.Message})", e);
        }
        RowCount += batch.Length;
        Output.Flush();
    }

    /// <summary>Writes what is still pending (table body and footer) and flushes. Idempotent.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        WriteEnd();
        Output.Flush();
    }

    public void Dispose()
    {
        Complete();
        GC.SuppressFinalize(this);
    }

    protected abstract void WriteHeader(Schema schema);

    /// <summary>Writes rows 0..<paramref name="rowCount"/> of one batch; call <c>Output.FlushIfFull()</c> between rows.</summary>
    protected abstract void WriteRows(ValueFormatter[] columns, int rowCount);

    protected virtual void WriteEnd()
    {
    }

    private static RowWriter Create(OutputFormat format, Utf8Output output, RowWriterOptions options) => format switch
    {
        OutputFormat.Jsonl => new JsonLinesRowWriter(output, options),
        OutputFormat.Csv => new CsvRowWriter(output, options),
        OutputFormat.Table => new TableRowWriter(output, options),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown output format"),
    };
}
