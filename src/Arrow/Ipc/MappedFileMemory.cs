using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace Lakehouse.Arrow.Ipc;

/// <summary>
/// A read-only memory-mapped file exposed as <see cref="Memory{T}"/>, so IPC buffers can be zero-copy
/// slices of the page cache. The owner (the reader that opened it) unmaps it on dispose; there is
/// deliberately no finalizer, because spans taken from the memory do not keep it alive (CA2015).
/// </summary>
internal sealed unsafe class MappedFileMemory : MemoryManager<byte>
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _pointer;
    private readonly int _length;
    private int _released;

    private MappedFileMemory(MemoryMappedFile file, MemoryMappedViewAccessor view, int length)
    {
        _file = file;
        _view = view;
        _length = length;
        byte* p = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _pointer = p + view.PointerOffset;
    }

    /// <summary>Maps <paramref name="path"/> read-only (null for an empty file, which has nothing to map).</summary>
    public static MappedFileMemory? Map(string path)
    {
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            return null;
        }

        if (length > int.MaxValue)
        {
            throw new NotSupportedException($"Arrow IPC: {path} is {length} bytes; files over 2 GB are not supported");
        }

        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        try
        {
            var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            return new MappedFileMemory(file, view, (int)length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public override Span<byte> GetSpan() => new(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
