using System.Globalization;
using System.Text;
using Lakehouse.Parquet.Metadata;
using Lakehouse.Parquet.Reading;
using Lakehouse.Parquet.Schemas;

namespace Lakehouse.Parquet.Inspection;

/// <summary>
/// Human-readable description of a Parquet file for <c>lakehouse parquet inspect</c>: file facts, the schema
/// tree (repetition, physical and logical types, field ids, levels), the Arrow schema, and every row group's
/// column chunks (codec, encodings, page counts, sizes, value counts, statistics).
/// </summary>
public static class ParquetInspector
{
    public static string Describe(ParquetReader reader)
    {
        var sb = new StringBuilder();
        var m = reader.Metadata;
        var c = CultureInfo.InvariantCulture;
        sb.Append(c, $"file: {reader.Name}\n");
        sb.Append(c, $"created_by: {m.CreatedBy ?? "(unknown)"}\n");
        sb.Append(c, $"version: {m.Version}  rows: {m.NumRows}  row groups: {m.RowGroups.Count}  leaf columns: {reader.ParquetSchema.Leaves.Count}\n");
        if (m.KeyValueMetadata is { Count: > 0 } kv)
        {
            sb.Append("key/value metadata:\n");
            foreach (var e in kv)
            {
                var value = e.Value ?? "(null)";
                sb.Append(c, $"  {e.Key} = {(value.Length > 120 ? value[..120] + "..." : value)}\n");
            }
        }

        sb.Append("schema:\n");
        foreach (var child in reader.ParquetSchema.Root.Children)
        {
            AppendNode(sb, child, 1);
        }

        sb.Append("arrow schema:\n");
        foreach (var f in reader.Schema.Fields)
        {
            sb.Append("  ").Append(f).Append('\n');
        }

        for (var g = 0; g < m.RowGroups.Count; g++)
        {
            var group = m.RowGroups[g];
            sb.Append(c, $"row group {g}: rows={group.NumRows} total_byte_size={group.TotalByteSize} compressed={group.TotalCompressedSize?.ToString(c) ?? "-"} offset={group.FileOffset?.ToString(c) ?? "-"}\n");
            var stats = reader.GetRowGroupStatistics(g);
            for (var i = 0; i < group.Columns.Count; i++)
            {
                var chunk = group.Columns[i];
                var meta = chunk.MetaData;
                if (meta is null)
                {
                    sb.Append(c, $"  column {i}: (no metadata)\n");
                    continue;
                }

                sb.Append(c, $"  {string.Join('.', meta.PathInSchema)}: {SpecNames.Of(meta.Type)} {SpecNames.Of(meta.Codec)} values={meta.NumValues} compressed={meta.TotalCompressedSize} uncompressed={meta.TotalUncompressedSize}\n");
                sb.Append(c, $"    encodings: {string.Join(',', meta.Encodings.Select(SpecNames.Of))}");
                if (meta.EncodingStats is { Count: > 0 } es)
                {
                    sb.Append("  pages: ").Append(string.Join(", ", es.Select(s => $"{SpecNames.Of(s.PageType)}/{SpecNames.Of(s.Encoding)} x{s.Count}")));
                }

                sb.Append(c, $"  data_page_offset={meta.DataPageOffset}");
                if (meta.DictionaryPageOffset is { } dpo)
                {
                    sb.Append(c, $" dictionary_page_offset={dpo}");
                }

                sb.Append('\n');
                var s = stats[i];
                if (meta.Statistics is not null)
                {
                    sb.Append(c, $"    statistics: null_count={s.NullCount?.ToString(c) ?? "-"}");
                    if (s.DistinctCount is { } dc)
                    {
                        sb.Append(c, $" distinct={dc}");
                    }

                    if (s.NanCount is { } nan)
                    {
                        sb.Append(c, $" nan_count={nan}");
                    }

                    sb.Append(c, $" min={Format(s.DecodeBound(s.Min))}{(s.IsMinExact ? string.Empty : " (truncated)")} max={Format(s.DecodeBound(s.Max))}{(s.IsMaxExact ? string.Empty : " (truncated)")}\n");
                }
            }
        }

        return sb.ToString();
    }

    private static void AppendNode(StringBuilder sb, SchemaNode node, int depth)
    {
        var e = node.Element;
        sb.Append(' ', depth * 2).Append(SpecNames.Of(node.Repetition).ToLowerInvariant()).Append(' ');
        sb.Append(e.Type is { } t ? SpecNames.Of(t) : "group").Append(' ').Append(e.Name);
        if (e.TypeLength is { } len && e.Type == PhysicalType.FixedLenByteArray)
        {
            sb.Append(CultureInfo.InvariantCulture, $" ({len})");
        }

        if (e.LogicalType is { } lt)
        {
            sb.Append(' ').Append(lt);
        }
        else if (e.ConvertedType is { } ct)
        {
            sb.Append(" (").Append(SpecNames.Of(ct)).Append(')');
        }

        if (e.FieldId is { } id)
        {
            sb.Append(CultureInfo.InvariantCulture, $" field_id={id}");
        }

        if (node.IsLeaf)
        {
            sb.Append(CultureInfo.InvariantCulture, $" [def={node.DefinitionLevel} rep={node.RepetitionLevel} column={node.ColumnIndex}]");
        }

        sb.Append('\n');
        foreach (var child in node.Children)
        {
            AppendNode(sb, child, depth + 1);
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "-",
        byte[] bytes => "0x" + Convert.ToHexString(bytes.Length > 32 ? bytes[..32] : bytes) + (bytes.Length > 32 ? "..." : string.Empty),
        string s => "\"" + (s.Length > 64 ? s[..64] + "..." : s) + "\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "-",
    };
}
