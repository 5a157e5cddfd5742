using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Metadata;

/// <summary>One node of the flattened (depth-first) Parquet schema.</summary>
public sealed class SchemaElement
{
    public SchemaElement(string name) => Name = name;

    /// <summary>Physical type; null for groups.</summary>
    public PhysicalType? Type { get; set; }

    public int? TypeLength { get; set; }

    public FieldRepetitionType? RepetitionType { get; set; }

    public string Name { get; set; }

    /// <summary>Number of children for groups; null for leaves.</summary>
    public int? NumChildren { get; set; }

    public ConvertedType? ConvertedType { get; set; }

    public int? Scale { get; set; }

    public int? Precision { get; set; }

    public int? FieldId { get; set; }

    public LogicalType? LogicalType { get; set; }

    internal static SchemaElement Read(ref CompactReader r)
    {
        var e = new SchemaElement(string.Empty);
        var hasName = false;
        var saved = r.BeginStruct();
        while (r.ReadFieldHeader(out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == CompactType.I32: e.Type = (PhysicalType)r.ReadI32(); break;
                case 2 when t == CompactType.I32: e.TypeLength = r.ReadI32(); break;
                case 3 when t == CompactType.I32: e.RepetitionType = (FieldRepetitionType)r.ReadI32(); break;
                case 4 when t == CompactType.Binary: e.Name = r.ReadString(); hasName = true; break;
                case 5 when t == CompactType.I32: e.NumChildren = r.ReadI32(); break;
                case 6 when t == CompactType.I32: e.ConvertedType = (ConvertedType)r.ReadI32(); break;
                case 7 when t == CompactType.I32: e.Scale = r.ReadI32(); break;
                case 8 when t == CompactType.I32: e.Precision = r.ReadI32(); break;
                case 9 when t == CompactType.I32: e.FieldId = r.ReadI32(); break;
                case 10 when t == CompactType.Struct: e.LogicalType = LogicalType.Read(ref r); break;
                default: r.Skip(t); break;
            }
        }

        r.EndStruct(saved);
        if (!hasName)
        {
            throw r.Corrupt("SchemaElement without name");
        }

        if (e.Type is { } pt && (uint)pt > (uint)PhysicalType.FixedLenByteArray)
        {
            throw r.Corrupt($"SchemaElement '{e.Name}' has unknown physical type {(int)pt}");
        }

        if (e.RepetitionType is { } rt && (uint)rt > (uint)FieldRepetitionType.Repeated)
        {
            throw r.Corrupt($"SchemaElement '{e.Name}' has unknown repetition type {(int)rt}");
        }

        return e;
    }

    internal void Write(CompactWriter w)
    {
        w.BeginStruct();
        if (Type is { } type)
        {
            w.WriteI32Field(1, (int)type);
        }

        if (TypeLength is { } length)
        {
            w.WriteI32Field(2, length);
        }

        if (RepetitionType is { } rep)
        {
            w.WriteI32Field(3, (int)rep);
        }

        w.WriteStringField(4, Name);
        if (NumChildren is { } n)
        {
            w.WriteI32Field(5, n);
        }

        if (ConvertedType is { } ct)
        {
            w.WriteI32Field(6, (int)ct);
        }

        if (Scale is { } scale)
        {
            w.WriteI32Field(7, scale);
        }

        if (Precision is { } precision)
        {
            w.WriteI32Field(8, precision);
        }

        if (FieldId is { } fieldId)
        {
            w.WriteI32Field(9, fieldId);
        }

        if (LogicalType is { Kind: not (LogicalTypeKind.None or LogicalTypeKind.Unrecognized) } lt)
        {
            w.WriteFieldHeader(CompactType.Struct, 10);
            lt.Write(w);
        }

        w.EndStruct();
    }

    public override string ToString() => Name;
}
