using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Lakehouse.Sql.Execution.Keys;

/// <summary>
/// Open-addressing hash table from normalized key bytes to dense ids 0..Count-1. Keys are copied into one
/// arena; slots hold id+1; no per-key objects.
/// </summary>
public sealed class KeyHashTable
{
    private int[] _slots;
    private int[] _hashes = new int[16];
    private int[] _keyOffsets = new int[17];
    private byte[] _arena = new byte[1024];
    private int _arenaLength;

    public KeyHashTable(int capacity = 64)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _slots = new int[size];
    }

    public int Count { get; private set; }

    /// <summary>Bytes held (for memory accounting).</summary>
    public long MemoryBytes => (_slots.Length * 4L) + (_hashes.Length * 4L) + (_keyOffsets.Length * 4L) + _arena.Length;

    public ReadOnlySpan<byte> KeyOf(int id) => _arena.AsSpan(_keyOffsets[id], _keyOffsets[id + 1] - _keyOffsets[id]);

    /// <summary>The id of <paramref name="key"/>, adding it when new (<paramref name="added"/> tells).</summary>
    public int GetOrAdd(ReadOnlySpan<byte> key, out bool added)
    {
        var hash = Hash(key);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            var s = _slots[slot];
            if (s == 0)
            {
                break;
            }

            var id = s - 1;
            if (_hashes[id] == hash && KeyOf(id).SequenceEqual(key))
            {
                added = false;
                return id;
            }

            slot = (slot + 1) & mask;
        }

        var newId = Count;
        AddKey(key, hash);
        _slots[slot] = newId + 1;
        added = true;
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return newId;
    }

    /// <summary>The id of <paramref name="key"/>, or -1.</summary>
    public int Find(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            var s = _slots[slot];
            if (s == 0)
            {
                return -1;
            }

            var id = s - 1;
            if (_hashes[id] == hash && KeyOf(id).SequenceEqual(key))
            {
                return id;
            }

            slot = (slot + 1) & mask;
        }
    }

    private void AddKey(ReadOnlySpan<byte> key, int hash)
    {
        if (Count == _hashes.Length)
        {
            Array.Resize(ref _hashes, Count * 2);
            Array.Resize(ref _keyOffsets, (Count * 2) + 1);
        }

        if (_arenaLength + key.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLength + key.Length));
        }

        key.CopyTo(_arena.AsSpan(_arenaLength));
        _arenaLength += key.Length;
        _hashes[Count] = hash;
        Count++;
        _keyOffsets[Count] = _arenaLength;
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var slot = _hashes[id] & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = id + 1;
        }

        _slots = slots;
    }

    /// <summary>A 64-bit multiply-mix hash of the key bytes, folded to a non-negative int.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Hash(ReadOnlySpan<byte> key)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)key.Length;
        var i = 0;
        for (; i + 8 <= key.Length; i += 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(key[i..])) * 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31;
        }

        ulong tail = 0;
        for (var s = 0; i < key.Length; i++, s += 8)
        {
            tail |= (ulong)key[i] << s;
        }

        h = (h ^ tail) * 0x94D049BB133111EBUL;
        h ^= h >> 29;
        return (int)(h & 0x7FFF_FFFF);
    }
}
