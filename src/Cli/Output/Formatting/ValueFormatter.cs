using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>
/// Formats the values of one array (one column, or one child of a nested column) as JSON or as plain text.
/// Built once per batch and column by <see cref="ValueFormatterFactory"/>; indices are logical slots of
/// the array the formatter was built over.
/// </summary>
public abstract class ValueFormatter
{
    private readonly BufferView _validity;
    private readonly bool _hasValidity;

    protected ValueFormatter(ArrowArray array)
    {
        Array = array;

        // Unions, run-end encoded and null arrays override IsValid; for the rest the bitmap decides.
        _hasValidity = array.Type.Id is not (Arrow.Types.ArrowTypeId.SparseUnion or Arrow.Types.ArrowTypeId.DenseUnion or Arrow.Types.ArrowTypeId.RunEndEncoded)
            && !array.Data.Validity.IsEmpty && array.NullCount != 0;
        if (_hasValidity)
        {
            _validity = new BufferView(array.Data.Validity);
        }
    }

    public ArrowArray Array { get; }

    /// <summary>True when the value renders as a JSON number or boolean (right-aligned in tables).</summary>
    public virtual bool IsNumeric => false;

    /// <summary>True when the value renders as a JSON array or object.</summary>
    public virtual bool IsNested => false;

    public virtual bool IsValid(int index) => !_hasValidity || _validity.Bit(Array.Offset + index);

    /// <summary>Writes the non-null value at <paramref name="index"/> as a JSON value.</summary>
    public abstract void WriteJson(Utf8Output output, int index);

    /// <summary>
    /// Writes the non-null value as plain text (CSV cells, table cells): like JSON but strings without quotes
    /// or escapes, and NaN/Infinity unquoted. Nested values are their JSON text.
    /// </summary>
    public virtual void WriteText(Utf8Output output, int index) => WriteJson(output, index);

    /// <summary>Writes the value at <paramref name="index"/> as JSON, or <c>null</c>.</summary>
    public void WriteJsonOrNull(Utf8Output output, int index)
    {
        if (IsValid(index))
        {
            WriteJson(output, index);
        }
        else
        {
            output.Write("null"u8);
        }
    }
}
