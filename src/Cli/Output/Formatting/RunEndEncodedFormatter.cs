using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Run-end encoded values: the value of the run each slot falls in (runs cached for sequential reads).</summary>
public sealed class RunEndEncodedFormatter : ValueFormatter
{
    private readonly RunEndEncodedArray _array;
    private readonly ValueFormatter _values;
    private int _lastSlot = -1;
    private int _lastRun;

    public RunEndEncodedFormatter(RunEndEncodedArray array, ValueFormatter values)
        : base(array)
    {
        _array = array;
        _values = values;
    }

    public override bool IsNumeric => _values.IsNumeric;

    public override bool IsNested => _values.IsNested;

    public override bool IsValid(int index) => _values.IsValid(Run(index));

    public override void WriteJson(Utf8Output output, int index) => _values.WriteJson(output, Run(index));

    public override void WriteText(Utf8Output output, int index) => _values.WriteText(output, Run(index));

    private int Run(int index)
    {
        if (index != _lastSlot)
        {
            _lastRun = _array.PhysicalIndex(index);
            _lastSlot = index;
        }

        return _lastRun;
    }
}
