using System.Runtime.CompilerServices;
using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>float16/float32/float64: shortest round-trip numbers; NaN and infinities as words (quoted in JSON).</summary>
public sealed class FloatFormatter<T> : ValueFormatter
    where T : unmanaged
{
    private readonly BufferView _values;
    private readonly int _offset;

    public FloatFormatter(PrimitiveArray<T> array)
        : base(array)
    {
        _values = new BufferView(array.Data.Buffers[1]);
        _offset = array.Offset;
    }

    public override bool IsNumeric => true;

    public override void WriteJson(Utf8Output output, int index) => Write(output, index, json: true);

    public override void WriteText(Utf8Output output, int index) => Write(output, index, json: false);

    private void Write(Utf8Output output, int index, bool json)
    {
        var value = _values.Read<T>(_offset + index);
        bool written;
        double asDouble;
        if (typeof(T) == typeof(double))
        {
            asDouble = Unsafe.As<T, double>(ref value);
            written = NumberText.TryWriteFinite(output, asDouble);
        }
        else if (typeof(T) == typeof(float))
        {
            var f = Unsafe.As<T, float>(ref value);
            asDouble = f;
            written = NumberText.TryWriteFinite(output, f);
        }
        else
        {
            var h = Unsafe.As<T, Half>(ref value);
            asDouble = (double)h;
            written = NumberText.TryWriteFinite(output, h);
        }

        if (!written)
        {
            if (json)
            {
                output.Write((byte)'"');
            }

            output.Write(NumberText.NonFiniteWord(asDouble));
            if (json)
            {
                output.Write((byte)'"');
            }
        }
    }
}
