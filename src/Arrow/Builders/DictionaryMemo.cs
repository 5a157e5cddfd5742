using System.Runtime.CompilerServices;

using Lakehouse.Arrow.Compression;
using Lakehouse.Arrow.Memory;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Maps distinct byte strings (a value's bytes: UTF-8 text, binary, or the raw bytes of a fixed-width
/// value) to dense indices in first-seen order. Keys are stored back to back in one buffer and found
/// through an open-addressing table, so a lookup allocates nothing.
/// </summary>
internal sealed class DictionaryMemo
{
    private readonly BufferBuilder _keys = new();
    private readonly BufferBuilder _ends = new();
    private int[] _slots = new int[64];
    private int[] _hashes = new int[32];

    public int Count { get; private set; }

    /// <summary>Concatenated keys in index order.</summary>
    public ReadOnlySpan<byte> KeyBytes => _keys.WrittenSpan;

    /// <summary>End offset of each key in <see cref="KeyBytes"/>.</summary>
    public ReadOnlySpan<int> KeyEnds => _ends.AsSpan<int>();

    public ReadOnlySpan<byte> Key(int index)
    {
        var ends = KeyEnds;
        var start = index == 0 ? 0 : ends[index - 1];
        return _keys.WrittenSpan[start..ends[index]];
    }

    public int GetOrAdd(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                break;
            }

            if (_hashes[entry] == hash && Key(entry).SequenceEqual(key))
            {
                return entry;
            }

            slot = (slot + 1) & mask;
        }

        var index = Count;
        _keys.Append(key);
        _ends.Append(_keys.Length);
        if (index == _hashes.Length)
        {
            Array.Resize(ref _hashes, index * 2);
        }

        _hashes[index] = hash;
        _slots[slot] = index + 1;
        Count++;
        if (Count * 2 > _slots.Length)
        {
            Rehash();
        }

        return index;
    }

    public void Clear()
    {
        _keys.Clear();
        _ends.Clear();
        Array.Clear(_slots);
        Count = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> key) => (int)XxHash32.Hash(key) & int.MaxValue;

    private void Rehash()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var i = 0; i < Count; i++)
        {
            var slot = _hashes[i] & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i + 1;
        }

        _slots = slots;
    }
}
