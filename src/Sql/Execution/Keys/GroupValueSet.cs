using System.Runtime.CompilerServices;

namespace Lakehouse.Sql.Execution.Keys;

/// <summary>
/// Open-addressing set of (group id, 64-bit value) pairs: the count(DISTINCT x) fast path for one integer-like
/// argument, without encoding keys to bytes. Slots store group + 1 (0 = empty) beside the value.
/// </summary>
public sealed class GroupValueSet
{
    private int[] _groups = new int[1024];
    private long[] _values = new long[1024];
    private int _mask = 1023;

    public int Count { get; private set; }

    public long MemoryBytes => _groups.Length * 12L;

    /// <summary>Adds the pair; true when it was not there before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(int group, long value)
    {
        var slot = (int)(Mix(group, value) & (ulong)_mask);
        while (true)
        {
            var g = _groups[slot];
            if (g == 0)
            {
                _groups[slot] = group + 1;
                _values[slot] = value;
                if (++Count * 2 > _groups.Length)
                {
                    Grow();
                }

                return true;
            }

            if (g == group + 1 && _values[slot] == value)
            {
                return false;
            }

            slot = (slot + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(int group, long value)
    {
        var h = ((ulong)value ^ ((ulong)(uint)group * 0xC2B2AE3D27D4EB4FUL)) * 0x9E3779B97F4A7C15UL;
        return h ^ (h >> 31);
    }

    private void Grow()
    {
        var oldGroups = _groups;
        var oldValues = _values;
        _groups = new int[oldGroups.Length * 2];
        _values = new long[oldValues.Length * 2];
        _mask = _groups.Length - 1;
        for (var i = 0; i < oldGroups.Length; i++)
        {
            if (oldGroups[i] == 0)
            {
                continue;
            }

            var slot = (int)(Mix(oldGroups[i] - 1, oldValues[i]) & (ulong)_mask);
            while (_groups[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _groups[slot] = oldGroups[i];
            _values[slot] = oldValues[i];
        }
    }
}
