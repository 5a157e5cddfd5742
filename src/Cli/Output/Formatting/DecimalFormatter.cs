using System.Runtime.InteropServices;
using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Decimals of every width as strings with exactly <c>scale</c> fractional digits.</summary>
public sealed class DecimalFormatter : QuotedFormatter
{
    private readonly DecimalArray _array;
    private readonly int _scale;

    public DecimalFormatter(DecimalArray array)
        : base(array)
    {
        _array = array;
        _scale = array.DecimalType.Scale;
    }

    public override void WriteText(Utf8Output output, int index)
    {
        var bytes = _array.ValueBytes(index);
        switch (bytes.Length)
        {
            case 4:
                NumberText.WriteDecimal(output, MemoryMarshal.Read<int>(bytes), _scale);
                break;
            case 8:
                NumberText.WriteDecimal(output, MemoryMarshal.Read<long>(bytes), _scale);
                break;
            case 16:
                NumberText.WriteDecimal(output, MemoryMarshal.Read<Int128>(bytes), _scale);
                break;
            default:
                NumberText.WriteDecimal(output, _array.UnscaledBigInteger(index), _scale);
                break;
        }
    }
}
