using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Arrays;

/// <summary>A map: a list array whose child is the entries struct (key, value).</summary>
public sealed class MapArray : ListArray
{
    public MapArray(ArrayData data)
        : base(data)
    {
    }

    public MapType MapType => (MapType)Type;

    public StructArray Entries => (StructArray)Values;

    public ArrowArray Keys => Entries.Field(0);

    public ArrowArray Items => Entries.Field(1);
}
