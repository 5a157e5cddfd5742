using System.Runtime.CompilerServices;

namespace Lakehouse.Arrow.Memory;

/// <summary>Builds a validity bitmap or boolean buffer bit by bit, counting unset bits.</summary>
public sealed class BitmapBuilder
{
    private readonly BufferBuilder _bytes = new(64);

    public int Length { get; private set; }

    public int UnsetCount { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(bool value)
    {
        var bit = Length & 7;
        if (bit == 0)
        {
            _bytes.Append((byte)0);
        }

        if (value)
        {
            _bytes.WrittenSpan[Length >> 3] |= (byte)(1 << bit);
        }
        else
        {
            UnsetCount++;
        }

        Length++;
    }

    public void AppendMany(bool value, int count)
    {
        // Simple and branch-predictable; bulk paths for large counts fill whole bytes.
        while (count > 0 && (Length & 7) != 0)
        {
            Append(value);
            count--;
        }

        var wholeBytes = count >> 3;
        if (wholeBytes > 0)
        {
            var span = _bytes.GetSpan(wholeBytes);
            span[..wholeBytes].Fill(value ? (byte)0xFF : (byte)0);
            _bytes.Advance(wholeBytes);
            Length += wholeBytes * 8;
            if (!value)
            {
                UnsetCount += wholeBytes * 8;
            }

            count -= wholeBytes * 8;
        }

        while (count-- > 0)
        {
            Append(value);
        }
    }

    /// <summary>Makes room for <paramref name="additionalBits"/> more bits without growing again.</summary>
    public void Reserve(int additionalBits) => _bytes.EnsureCapacity(BitUtil.BytesForBits((long)Length + additionalBits) - _bytes.Length);

    public bool Get(int index) => BitUtil.GetBit(_bytes.WrittenSpan, index);

    public void Set(int index, bool value)
    {
        var was = Get(index);
        if (was == value)
        {
            return;
        }

        BitUtil.SetBit(_bytes.WrittenSpan, index, value);
        UnsetCount += value ? -1 : 1;
    }

    public ArrowBuffer Build()
    {
        Length = 0;
        UnsetCount = 0;
        return _bytes.Build();
    }

    public void Clear()
    {
        _bytes.Clear();
        Length = 0;
        UnsetCount = 0;
    }
}
