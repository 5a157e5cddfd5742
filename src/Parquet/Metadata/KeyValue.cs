using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>A key/value metadata entry (file or column chunk level).</summary>
public sealed class KeyValue
{
    public KeyValue(string key, string? value)
    {
        Key = key;
        Value = value;
    }

    public string Key { get; }

    public string? Value { get; }

    internal static KeyValue Read(ref CompactReader r)
    {
        string? key = null;
        string? value = null;
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.Binary: key = r.ReadString(); break;
                case 2 when t == CompactType.Binary: value = r.ReadString(); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        return new KeyValue(key ?? throw r.Corrupt("KeyValue without key"), value);
    }

    internal static List<KeyValue> ReadList(ref CompactReader r)
    {
        var n = r.ReadListHeader(CompactType.Struct);
        var list = new List<KeyValue>(n);
        for (var i = 0; i < n; i++)
        {
            list.Add(Read(ref r));
        }

        return list;
    }

    internal static void WriteList(CompactWriter w, short fieldId, IReadOnlyList<KeyValue> list)
    {
        w.WriteListField(fieldId, CompactType.Struct, list.Count);
        foreach (var kv in list)
        {
            w.BeginStruct();
            w.WriteStringField(1, kv.Key);
            if (kv.Value is not null)
            {
                w.WriteStringField(2, kv.Value);
            }

            w.EndStruct();
        }
    }

    public override string ToString() => $"{Key}={Value}";
}
