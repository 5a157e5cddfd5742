using System.Runtime.CompilerServices;
using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Uniform byte access over the binary layouts: 32/64-bit offsets, views and fixed width.</summary>
public readonly struct BinaryValues
{
    private readonly BufferView _offsets;
    private readonly BufferView _data;
    private readonly int _offset;
    private readonly bool _plain;
    private readonly LargeBinaryArray? _large;
    private readonly BinaryViewArray? _view;
    private readonly FixedSizeBinaryArray? _fixed;

    public BinaryValues(ArrowArray array)
    {
        switch (array)
        {
            case BinaryArray b:
                _plain = true;
                _offsets = new BufferView(b.Data.Buffers[1]);
                _data = new BufferView(b.Data.Buffers[2]);
                _offset = b.Offset;
                break;
            case LargeBinaryArray l: _large = l; break;
            case BinaryViewArray v: _view = v; break;
            case FixedSizeBinaryArray f: _fixed = f; break;
            default: throw new ArgumentException($"{array.Type} is not a binary layout", nameof(array));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Get(int index)
    {
        if (_plain)
        {
            var start = _offsets.Read<int>(_offset + index);
            var end = _offsets.Read<int>(_offset + index + 1);
            return _data.Span[start..end];
        }

        if (_large is not null)
        {
            return _large.GetBytes(index);
        }

        return _view is not null ? _view.GetBytes(index) : _fixed!.GetBytes(index);
    }
}
