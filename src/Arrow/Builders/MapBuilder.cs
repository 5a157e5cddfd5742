using System.Collections;

using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Builds map arrays: a list of (key, value) entry structs. Call <see cref="ListBuilder.Append"/> to start a
/// map, then for each entry append to <see cref="KeyBuilder"/> and <see cref="ItemBuilder"/> and call
/// <see cref="AppendEntry"/>.
/// </summary>
public sealed class MapBuilder : ListBuilder
{
    public MapBuilder(MapType type)
        : base(type)
    {
        MapType = type;
        Entries = (StructBuilder)ValueBuilder;
    }

    public MapType MapType { get; }

    public StructBuilder Entries { get; }

    public ArrayBuilder KeyBuilder => Entries.FieldBuilder(0);

    public ArrayBuilder ItemBuilder => Entries.FieldBuilder(1);

    /// <summary>Closes one entry after its key and value were appended.</summary>
    public void AppendEntry() => Entries.Append();

    protected override void AppendObjectCore(object value)
    {
        switch (value)
        {
            case IDictionary dictionary:
                Append();
                foreach (DictionaryEntry entry in dictionary)
                {
                    KeyBuilder.AppendObject(entry.Key);
                    ItemBuilder.AppendObject(entry.Value);
                    AppendEntry();
                }

                break;
            case IEnumerable<KeyValuePair<object, object?>> pairs:
                Append();
                foreach (var pair in pairs)
                {
                    KeyBuilder.AppendObject(pair.Key);
                    ItemBuilder.AppendObject(pair.Value);
                    AppendEntry();
                }

                break;
            default:
                throw Unsupported(Type, value);
        }
    }
}
