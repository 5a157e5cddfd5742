using System.Runtime.InteropServices;
using System.Text;

namespace Lakehouse.Cli.Demo;

/// <summary>
/// Counts occurrences of UTF-8 byte strings without decoding or allocating per value (an open-addressing
/// hash table keyed by the bytes; a key is copied once, when first seen).
/// </summary>
public sealed class Utf8CountTable
{
    private int[] _slots = new int[64];
    private readonly List<byte[]> _keys = [];
    private readonly List<long> _counts = [];

    public Utf8CountTable() => Array.Fill(_slots, -1);

    public int Count => _keys.Count;

    public void Add(ReadOnlySpan<byte> key, long count = 1)
    {
        var mask = _slots.Length - 1;
        var i = (int)(Hash(key) & (uint)mask);
        while (true)
        {
            var entry = _slots[i];
            if (entry < 0)
            {
                _slots[i] = _keys.Count;
                _keys.Add(key.ToArray());
                _counts.Add(count);
                if (_keys.Count * 2 > _slots.Length)
                {
                    Rehash();
                }

                return;
            }

            if (key.SequenceEqual(_keys[entry]))
            {
                CollectionsMarshal.AsSpan(_counts)[entry] += count;
                return;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>Adds every count into <paramref name="target"/> keyed by the decoded strings.</summary>
    public void AddTo(Dictionary<string, long> target)
    {
        for (var i = 0; i < _keys.Count; i++)
        {
            var key = Encoding.UTF8.GetString(_keys[i]);
            target[key] = target.GetValueOrDefault(key) + _counts[i];
        }
    }

    private static uint Hash(ReadOnlySpan<byte> key)
    {
        // FNV-1a: short keys, good enough spread for a linear-probing table at load <= 1/2.
        var h = 2166136261u;
        foreach (var b in key)
        {
            h = (h ^ b) * 16777619u;
        }

        return h ^ (h >> 15);
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        Array.Fill(_slots, -1);
        var mask = _slots.Length - 1;
        for (var k = 0; k < _keys.Count; k++)
        {
            var i = (int)(Hash(_keys[k]) & (uint)mask);
            while (_slots[i] >= 0)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = k;
        }
    }
}
