using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Dictionary-encoded values: the dictionary value each index points at.</summary>
public sealed class DictionaryFormatter : ValueFormatter
{
    private readonly DictionaryArray _array;
    private readonly ValueFormatter _values;

    public DictionaryFormatter(DictionaryArray array, ValueFormatter values)
        : base(array)
    {
        _array = array;
        _values = values;
    }

    public override bool IsNumeric => _values.IsNumeric;

    public override bool IsNested => _values.IsNested;

    public override bool IsValid(int index) => base.IsValid(index) && _values.IsValid(DictionaryIndex(index));

    public override void WriteJson(Utf8Output output, int index) => _values.WriteJson(output, DictionaryIndex(index));

    public override void WriteText(Utf8Output output, int index) => _values.WriteText(output, DictionaryIndex(index));

    private int DictionaryIndex(int index)
    {
        var i = _array.GetIndex(index);
        if ((ulong)i >= (ulong)_values.Array.Length)
        {
            throw new InvalidDataException($"dictionary index {i} is outside a dictionary of {_values.Array.Length} values");
        }

        return (int)i;
    }
}
