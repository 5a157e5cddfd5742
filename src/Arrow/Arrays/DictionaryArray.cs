using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Arrays;

/// <summary>Dictionary-encoded values: integer indices (this array's buffers) into <see cref="Dictionary"/>.</summary>
public sealed class DictionaryArray : ArrowArray
{
    private ArrowArray? _indices;
    private ArrowArray? _dictionary;

    public DictionaryArray(ArrayData data)
        : base(data)
    {
        if (data.Dictionary is null)
        {
            throw new ArgumentException("dictionary array data needs its dictionary", nameof(data));
        }

        DictionaryType = (DictionaryType)data.Type;
    }

    public DictionaryType DictionaryType { get; }

    /// <summary>The indices as a plain integer array with the same validity.</summary>
    public ArrowArray Indices => _indices ??= Create(new ArrayData(DictionaryType.IndexType, Data.Length, -1, Data.Offset, Data.Buffers));

    public ArrowArray Dictionary => _dictionary ??= Create(Data.Dictionary!);

    /// <summary>The dictionary index of slot <paramref name="index"/>, widened to long.</summary>
    public long GetIndex(int index)
    {
        var span = Data.Buffers[1].Span;
        var i = Data.Offset + index;
        return DictionaryType.IndexType.Id switch
        {
            ArrowTypeId.Int8 => unchecked((sbyte)span[i]),
            ArrowTypeId.UInt8 => span[i],
            ArrowTypeId.Int16 => Data.Buffers[1].As<short>()[i],
            ArrowTypeId.UInt16 => Data.Buffers[1].As<ushort>()[i],
            ArrowTypeId.Int32 => Data.Buffers[1].As<int>()[i],
            ArrowTypeId.UInt32 => Data.Buffers[1].As<uint>()[i],
            ArrowTypeId.Int64 => Data.Buffers[1].As<long>()[i],
            _ => checked((long)Data.Buffers[1].As<ulong>()[i]),
        };
    }
}
