using System.Collections.Concurrent;
using System.Numerics;

namespace Lakehouse.Arrow.Memory;

/// <summary>
/// Allocates pinned, 64-byte-aligned memory for Arrow buffers. Arrays live on the pinned object heap, so
/// their address never moves and the garbage collector frees them; growing builders and decoders hand
/// scratch arrays back with <see cref="Return"/> so they are reused instead of reallocated.
/// </summary>
public static class BufferAllocator
{
    public const int Alignment = 64;

    // Size classes 2^6 .. 2^30; each keeps a few free arrays.
    private const int MinClass = 6;
    private const int MaxClass = 30;
    private const int PerClass = 8;
    private static readonly ConcurrentBag<byte[]>?[] s_pool = new ConcurrentBag<byte[]>?[MaxClass + 1];

    /// <summary>Allocates <paramref name="length"/> zeroed bytes, 64-byte aligned.</summary>
    public static Memory<byte> Allocate(int length, bool zero = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length == 0)
        {
            return Memory<byte>.Empty;
        }

        var array = RentArray(length);
        var mem = Align(array, length);
        if (zero)
        {
            mem.Span.Clear();
        }

        return mem;
    }

    /// <summary>Rents an array that can hold <paramref name="length"/> aligned bytes (see <see cref="Align"/>).</summary>
    public static byte[] RentArray(int length)
    {
        var needed = (long)length + Alignment;
        var cls = Math.Max(MinClass, 64 - BitOperations.LeadingZeroCount((ulong)(needed - 1)));
        if (cls <= MaxClass && s_pool[cls] is { } bag && bag.TryTake(out var pooled))
        {
            return pooled;
        }

        var size = cls <= MaxClass ? 1L << cls : needed;
        if (size > Array.MaxLength)
        {
            throw new OutOfMemoryException($"Arrow buffer of {length} bytes exceeds the maximum array size");
        }

        return GC.AllocateUninitializedArray<byte>((int)size, pinned: true);
    }

    /// <summary>Hands an array obtained from <see cref="RentArray"/> back for reuse. Its memory must no longer be referenced.</summary>
    public static void Return(byte[] array)
    {
        if (array.Length == 0 || !BitOperations.IsPow2(array.Length))
        {
            return;
        }

        var cls = BitOperations.Log2((uint)array.Length);
        if (cls is < MinClass or > MaxClass)
        {
            return;
        }

        var bag = s_pool[cls] ??= [];
        if (bag.Count < PerClass)
        {
            bag.Add(array);
        }
    }

    /// <summary>The 64-byte-aligned window of <paramref name="length"/> bytes inside a pinned array.</summary>
    public static unsafe Memory<byte> Align(byte[] pinnedArray, int length)
    {
        fixed (byte* p = pinnedArray)
        {
            var misalignment = (int)((nint)p & (Alignment - 1));
            var start = misalignment == 0 ? 0 : Alignment - misalignment;
            return pinnedArray.AsMemory(start, length);
        }
    }

    /// <summary>Capacity usable through <see cref="Align"/> for an array from <see cref="RentArray"/>.</summary>
    public static int UsableCapacity(byte[] pinnedArray) => pinnedArray.Length - Alignment;
}
