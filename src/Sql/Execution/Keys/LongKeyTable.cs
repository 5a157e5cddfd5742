using System.Runtime.CompilerServices;

namespace Lakehouse.Sql.Execution.Keys;

/// <summary>Open-addressing hash table from 64-bit keys to dense ids (the GROUP BY fast path for one integer-like column).</summary>
public sealed class LongKeyTable
{
    private long[] _keys;
    private int[] _ids;
    private int _mask;

    public LongKeyTable(int capacity = 1024)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _keys = new long[size];
        _ids = new int[size];
        _mask = size - 1;
    }

    public int Count { get; private set; }

    public long MemoryBytes => _keys.Length * 12L;

    /// <summary>The id of <paramref name="key"/>, adding it as <paramref name="nextId"/> when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(long key, int nextId, out bool added)
    {
        var slot = (int)(Mix(key) & (ulong)_mask);
        while (true)
        {
            var id = _ids[slot];
            if (id == 0)
            {
                _keys[slot] = key;
                _ids[slot] = nextId + 1;
                Count++;
                added = true;
                if (Count * 2 > _keys.Length)
                {
                    Grow();
                }

                return nextId;
            }

            if (_keys[slot] == key)
            {
                added = false;
                return id - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The id of <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(long key)
    {
        var slot = (int)(Mix(key) & (ulong)_mask);
        while (true)
        {
            var id = _ids[slot];
            if (id == 0)
            {
                return -1;
            }

            if (_keys[slot] == key)
            {
                return id - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(long key)
    {
        var h = (ulong)key * 0x9E3779B97F4A7C15UL;
        return h ^ (h >> 29);
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var oldIds = _ids;
        _keys = new long[oldKeys.Length * 2];
        _ids = new int[oldIds.Length * 2];
        _mask = _keys.Length - 1;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldIds[i] == 0)
            {
                continue;
            }

            var slot = (int)(Mix(oldKeys[i]) & (ulong)_mask);
            while (_ids[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = oldKeys[i];
            _ids[slot] = oldIds[i];
        }
    }
}
