using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Every list layout (list, large_list, list_view, large_list_view, fixed_size_list) as a JSON array.</summary>
public sealed class ListFormatter : ValueFormatter
{
    private readonly ListArray? _list;
    private readonly LargeListArray? _large;
    private readonly ListViewArray? _view;
    private readonly FixedSizeListArray? _fixed;
    private readonly ValueFormatter _items;

    public ListFormatter(ArrowArray array, ValueFormatter items)
        : base(array)
    {
        switch (array)
        {
            case ListArray l: _list = l; break;
            case LargeListArray l: _large = l; break;
            case ListViewArray v: _view = v; break;
            case FixedSizeListArray f: _fixed = f; break;
            default: throw new ArgumentException($"{array.Type} is not a list layout", nameof(array));
        }

        _items = items;
    }

    public override bool IsNested => true;

    public override void WriteJson(Utf8Output output, int index)
    {
        long start, length;
        if (_list is not null)
        {
            var offsets = _list.ValueOffsets;
            start = offsets[index];
            length = offsets[index + 1] - start;
        }
        else if (_large is not null)
        {
            var offsets = _large.ValueOffsets;
            start = offsets[index];
            length = offsets[index + 1] - start;
        }
        else if (_view is not null)
        {
            start = _view.ValueOffset(index);
            length = _view.ValueSize(index);
        }
        else
        {
            length = _fixed!.ListSize;
            start = ((long)_fixed.Offset + index) * length;
        }

        output.Write((byte)'[');
        for (var j = 0L; j < length; j++)
        {
            if (j > 0)
            {
                output.Write((byte)',');
            }

            _items.WriteJsonOrNull(output, checked((int)(start + j)));
        }

        output.Write((byte)']');
    }
}
