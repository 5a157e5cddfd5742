using System.Globalization;
using System.Text;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Types;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;
using NullOrder = Lakehouse.Table.Metadata.NullOrder;
using SortDirection = Lakehouse.Table.Metadata.SortDirection;

namespace Lakehouse.Sql;

/// <summary>SHOW CREATE TABLE: the CREATE TABLE statement (Trino's Iceberg connector form) that recreates a catalog table's schema and properties.</summary>
public sealed partial class SqlSession
{
    private async Task<SqlResult> ShowCreateTableAsync(ShowCreateTable show, CancellationToken cancellationToken)
    {
        var ops = await AlterTargetAsync(show.Table, false, cancellationToken).ConfigureAwait(false);
        var metadata = await ops!.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var schema = metadata.CurrentSchema;
        var text = new StringBuilder();
        text.Append("CREATE TABLE ").Append(Quote(ops.Identifier.Namespace.ToString())).Append('.').Append(Quote(ops.Identifier.Name)).Append(" (\n");
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            var field = schema.Fields[i];
            var type = SqlType.FromArrow(ArrowSchemaConverter.ToArrowType(field.Type, field.Name));
            text.Append("   ").Append(Quote(field.Name)).Append(' ').Append(type?.ToString() ?? field.Type.ToString());
            if (field.IsRequired)
            {
                text.Append(" NOT NULL");
            }

            if (field.Doc is { } doc)
            {
                text.Append(" COMMENT ").Append(Literal(doc));
            }

            text.Append(i + 1 < schema.Fields.Count ? ",\n" : "\n");
        }

        text.Append(")\nWITH (\n   format = 'PARQUET',\n   format_version = ").Append(metadata.FormatVersion.ToString(CultureInfo.InvariantCulture));
        text.Append(",\n   location = ").Append(Literal(metadata.Location));
        if (metadata.DefaultSpec.Fields.Count > 0)
        {
            var terms = metadata.DefaultSpec.Fields.Select(f => Literal(PartitionTerm(schema.FindColumnName(f.SourceId) ?? f.Name, f.Transform)));
            text.Append(",\n   partitioning = ARRAY[").Append(string.Join(", ", terms)).Append(']');
        }

        if (metadata.DefaultSortOrder.Fields.Count > 0)
        {
            var terms = metadata.DefaultSortOrder.Fields.Select(f =>
            {
                var name = schema.FindColumnName(f.SourceIds[0]) ?? "?";
                var desc = f.Direction == SortDirection.Desc;
                var defaultNulls = desc ? NullOrder.NullsLast : NullOrder.NullsFirst;
                return Literal(QuoteTerm(name) + (desc ? " DESC" : " ASC") + (f.NullOrder == defaultNulls ? string.Empty : f.NullOrder == NullOrder.NullsFirst ? " NULLS FIRST" : " NULLS LAST"));
            });
            text.Append(",\n   sorted_by = ARRAY[").Append(string.Join(", ", terms)).Append(']');
        }

        text.Append("\n)");
        return Rows(["Create Table"], [[text.ToString()]]);
    }

    private static string PartitionTerm(string column, Transform transform)
    {
        var c = QuoteTerm(column);
        return transform switch
        {
            IdentityTransform => c,
            BucketTransform b => $"bucket({c}, {b.NumBuckets.ToString(CultureInfo.InvariantCulture)})",
            TruncateTransform t => $"truncate({c}, {t.Width.ToString(CultureInfo.InvariantCulture)})",
            DateTimeTransform d => $"{d.Part.ToString().ToLowerInvariant()}({c})",
            VoidTransform => $"void({c})",
            _ => $"{transform}({c})",
        };
    }

    private static string QuoteTerm(string name) =>
        name.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_') ? name : Quote(name);

    private static string Quote(string name) =>
        name.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_') && name.Length > 0 && !char.IsAsciiDigit(name[0])
            ? name
            : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
