using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Ipc;

/// <summary>Decides whether one dictionary extends another (same leading values), for delta batches.</summary>
internal static class ArrayPrefix
{
    /// <summary>True when the first <c>prefix.Length</c> values of <paramref name="data"/> equal <paramref name="prefix"/>; false when unsure.</summary>
    public static bool StartsWith(ArrayData data, ArrayData prefix)
    {
        if (!data.Type.Equals(prefix.Type) || data.Length < prefix.Length)
        {
            return false;
        }

        var n = prefix.Length;
        for (var i = 0; i < n; i++)
        {
            if (IsValid(data, i) != IsValid(prefix, i))
            {
                return false;
            }
        }

        switch (data.Type)
        {
            case BinaryType { IsView: false } bt:
            {
                for (var i = 0; i < n; i++)
                {
                    if (IsValid(data, i) && !Bytes(data, i, bt.IsLarge).SequenceEqual(Bytes(prefix, i, bt.IsLarge)))
                    {
                        return false;
                    }
                }

                return true;
            }

            case PrimitiveType { Id: ArrowTypeId.Boolean }:
                for (var i = 0; i < n; i++)
                {
                    if (IsValid(data, i) && BitUtil.GetBit(data.Buffers[1].Span, data.Offset + i) != BitUtil.GetBit(prefix.Buffers[1].Span, prefix.Offset + i))
                    {
                        return false;
                    }
                }

                return true;
            case { BitWidth: >= 8 } t when t.Id != ArrowTypeId.Dictionary && !t.IsNested:
            {
                var width = t.BitWidth / 8;
                for (var i = 0; i < n; i++)
                {
                    if (IsValid(data, i) && !data.Buffers[1].Span.Slice((data.Offset + i) * width, width).SequenceEqual(prefix.Buffers[1].Span.Slice((prefix.Offset + i) * width, width)))
                    {
                        return false;
                    }
                }

                return true;
            }

            default:
                return false;
        }
    }

    private static bool IsValid(ArrayData data, int i) => data.Validity.IsEmpty || data.NullCount == 0 || BitUtil.GetBit(data.Validity.Span, data.Offset + i);

    private static ReadOnlySpan<byte> Bytes(ArrayData data, int i, bool large)
    {
        if (large)
        {
            var o = data.Buffers[1].As<long>();
            return data.Buffers[2].Span[(int)o[data.Offset + i]..(int)o[data.Offset + i + 1]];
        }

        var o32 = data.Buffers[1].As<int>();
        return data.Buffers[2].Span[o32[data.Offset + i]..o32[data.Offset + i + 1]];
    }
}
