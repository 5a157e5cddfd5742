using System.Globalization;
using System.Text;
using Lakehouse.Avro.Schema;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Writing;

/// <summary>
/// The Avro schemas of format v2 manifests (manifest_entry with the data_file struct, fields 0-4 and 100-145)
/// and manifest lists (manifest_file, fields 500-519), with the spec's field ids, names and optionality. Iceberg
/// maps with non-string keys are arrays of key/value records marked <c>"logicalType": "map"</c>.
/// </summary>
public static class ManifestAvroSchemas
{
    private static readonly Lazy<AvroSchema> s_manifestList = new(() => AvroSchema.Parse(ManifestListJson()));

    /// <summary>The v2 manifest_file schema of manifest lists.</summary>
    public static AvroSchema ManifestList => s_manifestList.Value;

    /// <summary>The v2 manifest_entry schema for a partition struct of <paramref name="partitionType"/>.</summary>
    public static AvroSchema ManifestEntry(StructType partitionType) => AvroSchema.Parse(ManifestEntryJson(partitionType));

    public static string ManifestEntryJson(StructType partitionType)
    {
        var sb = new StringBuilder(4096);
        sb.Append("""{"type":"record","name":"manifest_entry","fields":[""");
        sb.Append("""{"name":"status","type":"int","field-id":0},""");
        sb.Append("""{"name":"snapshot_id","type":["null","long"],"default":null,"field-id":1},""");
        sb.Append("""{"name":"sequence_number","type":["null","long"],"default":null,"field-id":3},""");
        sb.Append("""{"name":"file_sequence_number","type":["null","long"],"default":null,"field-id":4},""");
        sb.Append("""{"name":"data_file","type":{"type":"record","name":"r2","fields":[""");
        sb.Append("""{"name":"content","type":"int","field-id":134},""");
        sb.Append("""{"name":"file_path","type":"string","field-id":100},""");
        sb.Append("""{"name":"file_format","type":"string","field-id":101},""");
        sb.Append("""{"name":"partition","type":{"type":"record","name":"r102","fields":[""");
        for (var i = 0; i < partitionType.Fields.Count; i++)
        {
            var f = partitionType.Fields[i];
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append("{\"name\":\"").Append(AvroName(f.Name)).Append("\",\"type\":[\"null\",").Append(PartitionValueType(f))
                .Append("],\"default\":null,\"field-id\":").Append(f.Id.ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        sb.Append("]},\"field-id\":102},");
        sb.Append("""{"name":"record_count","type":"long","field-id":103},""");
        sb.Append("""{"name":"file_size_in_bytes","type":"long","field-id":104},""");
        AppendMap(sb, "column_sizes", 108, 117, 118, "long");
        AppendMap(sb, "value_counts", 109, 119, 120, "long");
        AppendMap(sb, "null_value_counts", 110, 121, 122, "long");
        AppendMap(sb, "nan_value_counts", 137, 138, 139, "long");
        AppendMap(sb, "lower_bounds", 125, 126, 127, "bytes");
        AppendMap(sb, "upper_bounds", 128, 129, 130, "bytes");
        sb.Append("""{"name":"key_metadata","type":["null","bytes"],"default":null,"field-id":131},""");
        sb.Append("""{"name":"split_offsets","type":["null",{"type":"array","items":"long","element-id":133}],"default":null,"field-id":132},""");
        sb.Append("""{"name":"equality_ids","type":["null",{"type":"array","items":"int","element-id":136}],"default":null,"field-id":135},""");
        sb.Append("""{"name":"sort_order_id","type":["null","int"],"default":null,"field-id":140},""");
        sb.Append("""{"name":"referenced_data_file","type":["null","string"],"default":null,"field-id":143}""");
        sb.Append("]},\"field-id\":2}]}");
        return sb.ToString();
    }

    public static string ManifestListJson() =>
        """
        {"type":"record","name":"manifest_file","fields":[
        {"name":"manifest_path","type":"string","field-id":500},
        {"name":"manifest_length","type":"long","field-id":501},
        {"name":"partition_spec_id","type":"int","field-id":502},
        {"name":"content","type":"int","field-id":517},
        {"name":"sequence_number","type":"long","field-id":515},
        {"name":"min_sequence_number","type":"long","field-id":516},
        {"name":"added_snapshot_id","type":"long","field-id":503},
        {"name":"added_files_count","type":"int","field-id":504},
        {"name":"existing_files_count","type":"int","field-id":505},
        {"name":"deleted_files_count","type":"int","field-id":506},
        {"name":"added_rows_count","type":"long","field-id":512},
        {"name":"existing_rows_count","type":"long","field-id":513},
        {"name":"deleted_rows_count","type":"long","field-id":514},
        {"name":"partitions","type":["null",{"type":"array","items":{"type":"record","name":"r508","fields":[
          {"name":"contains_null","type":"boolean","field-id":509},
          {"name":"contains_nan","type":["null","boolean"],"default":null,"field-id":518},
          {"name":"lower_bound","type":["null","bytes"],"default":null,"field-id":510},
          {"name":"upper_bound","type":["null","bytes"],"default":null,"field-id":511}]},"element-id":508}],"default":null,"field-id":507},
        {"name":"key_metadata","type":["null","bytes"],"default":null,"field-id":519}]}
        """;

    private static void AppendMap(StringBuilder sb, string name, int fieldId, int keyId, int valueId, string valueType)
    {
        var k = keyId.ToString(CultureInfo.InvariantCulture);
        var v = valueId.ToString(CultureInfo.InvariantCulture);
        sb.Append("{\"name\":\"").Append(name).Append("\",\"type\":[\"null\",{\"type\":\"array\",\"logicalType\":\"map\",\"items\":{\"type\":\"record\",\"name\":\"k")
            .Append(k).Append("_v").Append(v).Append("\",\"fields\":[{\"name\":\"key\",\"type\":\"int\",\"field-id\":").Append(k)
            .Append("},{\"name\":\"value\",\"type\":\"").Append(valueType).Append("\",\"field-id\":").Append(v)
            .Append("}]}}],\"default\":null,\"field-id\":").Append(fieldId.ToString(CultureInfo.InvariantCulture)).Append("},");
    }

    /// <summary>The Avro type of a partition value (Iceberg's Avro mapping: logical types on int/long/fixed).</summary>
    private static string PartitionValueType(NestedField field)
    {
        var t = field.Type as PrimitiveType ?? throw IcebergException.Invalid($"partition field '{field.Name}' is not primitive");
        var id = field.Id.ToString(CultureInfo.InvariantCulture);
        return t.TypeId switch
        {
            TypeId.Boolean => "\"boolean\"",
            TypeId.Int => "\"int\"",
            TypeId.Long => "\"long\"",
            TypeId.Float => "\"float\"",
            TypeId.Double => "\"double\"",
            TypeId.Date => """{"type":"int","logicalType":"date"}""",
            TypeId.Time => """{"type":"long","logicalType":"time-micros"}""",
            TypeId.Timestamp => """{"type":"long","logicalType":"timestamp-micros","adjust-to-utc":false}""",
            TypeId.TimestampTz => """{"type":"long","logicalType":"timestamp-micros","adjust-to-utc":true}""",
            TypeId.TimestampNs => """{"type":"long","logicalType":"timestamp-nanos","adjust-to-utc":false}""",
            TypeId.TimestampTzNs => """{"type":"long","logicalType":"timestamp-nanos","adjust-to-utc":true}""",
            TypeId.String => "\"string\"",
            TypeId.Binary => "\"bytes\"",
            TypeId.Uuid => "{\"type\":\"fixed\",\"name\":\"uuid_fixed_" + id + "\",\"size\":16,\"logicalType\":\"uuid\"}",
            TypeId.Fixed => "{\"type\":\"fixed\",\"name\":\"fixed_" + id + "\",\"size\":" + t.Length.ToString(CultureInfo.InvariantCulture) + "}",
            TypeId.Decimal => "{\"type\":\"fixed\",\"name\":\"decimal_" + id + "\",\"size\":" + DecimalBytes(t.Precision).ToString(CultureInfo.InvariantCulture)
                + ",\"logicalType\":\"decimal\",\"precision\":" + t.Precision.ToString(CultureInfo.InvariantCulture) + ",\"scale\":" + t.Scale.ToString(CultureInfo.InvariantCulture) + "}",
            _ => throw IcebergException.NotSupported($"partition values of type {t}"),
        };
    }

    /// <summary>The fewest bytes that hold every unscaled value of a decimal with <paramref name="precision"/> digits.</summary>
    public static int DecimalBytes(int precision)
    {
        var bytes = 1;
        while (Math.Pow(2, 8 * bytes - 1) < Math.Pow(10, precision))
        {
            bytes++;
        }

        return bytes;
    }

    private static bool IsValidName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A valid Avro name for a field name (Iceberg's convention: invalid characters become <c>_x</c> + hex code).</summary>
    public static string AvroName(string name)
    {
        if (IsValidName(name))
        {
            return name;
        }

        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var valid = c == '_' || char.IsAsciiLetter(c) || (i > 0 && char.IsAsciiDigit(c));
            if (valid)
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(i == 0 && char.IsAsciiDigit(c) ? "_" + c : "_x" + ((int)c).ToString("X", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
