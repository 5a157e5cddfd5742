using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Builds a <see cref="RecordBatch"/> for a schema: one builder per column, filled row by row with
/// <see cref="AppendRow"/> (boxed values; for tests and cold paths) or column by column through
/// <see cref="Column{TBuilder}"/> (typed, for hot paths).
/// </summary>
public sealed class RecordBatchBuilder
{
    private readonly ArrayBuilder[] _columns;

    public RecordBatchBuilder(Schema schema)
    {
        Schema = schema;
        _columns = new ArrayBuilder[schema.Count];
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i] = ArrayBuilder.Create(schema[i].Type);
        }
    }

    public Schema Schema { get; }

    public IReadOnlyList<ArrayBuilder> Columns => _columns;

    /// <summary>Rows so far (the length of the first column).</summary>
    public int Length => _columns.Length == 0 ? 0 : _columns[0].Length;

    public ArrayBuilder Column(int index) => _columns[index];

    public TBuilder Column<TBuilder>(int index)
        where TBuilder : ArrayBuilder => (TBuilder)_columns[index];

    public TBuilder Column<TBuilder>(string name)
        where TBuilder : ArrayBuilder
    {
        var index = Schema.IndexOf(name);
        return index < 0 ? throw new ArgumentException($"no column '{name}'", nameof(name)) : (TBuilder)_columns[index];
    }

    public RecordBatchBuilder AppendRow(params object?[] values)
    {
        if (values.Length != _columns.Length)
        {
            throw new ArgumentException($"row has {values.Length} values, the schema {_columns.Length} columns", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            _columns[i].AppendObject(values[i]);
        }

        return this;
    }

    /// <summary>Builds the batch and resets every column builder.</summary>
    public RecordBatch Build()
    {
        var length = Length;
        var arrays = new ArrowArray[_columns.Length];
        for (var i = 0; i < arrays.Length; i++)
        {
            if (_columns[i].Length != length)
            {
                throw new InvalidOperationException($"column '{Schema[i].Name}' has {_columns[i].Length} rows, expected {length}");
            }

            arrays[i] = _columns[i].Build();
        }

        return new RecordBatch(Schema, arrays, length);
    }
}
