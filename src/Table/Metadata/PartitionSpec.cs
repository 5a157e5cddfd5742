using System.Text;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Metadata;

/// <summary>
/// How rows map to partition tuples: an ordered list of <see cref="PartitionField"/>s identified by
/// <see cref="SpecId"/>. Partition field ids are the field ids of the partition tuple in manifests.
/// </summary>
public sealed class PartitionSpec : IEquatable<PartitionSpec>
{
    /// <summary>Partition field ids of v1 tables were assigned from 1000 on.</summary>
    public const int FirstPartitionFieldId = 1000;

    public PartitionSpec(int specId, IReadOnlyList<PartitionField> fields)
    {
        SpecId = specId;
        Fields = fields;
    }

    public static PartitionSpec Unpartitioned { get; } = new(0, []);

    public int SpecId { get; }

    public IReadOnlyList<PartitionField> Fields { get; }

    /// <summary>True when no field produces a value (no fields, or only void transforms).</summary>
    public bool IsUnpartitioned
    {
        get
        {
            foreach (var f in Fields)
            {
                if (f.Transform is not VoidTransform)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The highest partition field id, or <see cref="FirstPartitionFieldId"/> - 1 when there are no fields.</summary>
    public int LastAssignedFieldId => Fields.Count == 0 ? FirstPartitionFieldId - 1 : Fields.Max(f => f.FieldId);

    /// <summary>The partition tuple type: one optional field per partition field, typed by the transform result.</summary>
    public StructType PartitionType(Schema schema)
    {
        var fields = new NestedField[Fields.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            var f = Fields[i];
            fields[i] = NestedField.Optional(f.FieldId, f.Name, ResultType(f, schema));
        }

        return new StructType(fields);
    }

    /// <summary>The type of partition field <paramref name="field"/>'s values (string when the source column or transform is unknown).</summary>
    public static PrimitiveType ResultType(PartitionField field, Schema schema)
    {
        if (schema.FindField(field.SourceId)?.Type is PrimitiveType source)
        {
            return field.Transform.ResultType(source);
        }

        return field.Transform is BucketTransform or DateTimeTransform { Part: not DatePart.Day } ? PrimitiveType.Int
            : field.Transform is DateTimeTransform ? PrimitiveType.Date : PrimitiveType.String;
    }

    /// <summary>
    /// The Hive-style partition path of a tuple, e.g. <c>ts_day=2024-01-01/id_bucket=3</c>: names and
    /// human-readable values, URL-form-encoded as the reference implementation does.
    /// </summary>
    public string PartitionPath(IReadOnlyList<object?> values, Schema schema)
    {
        if (values.Count != Fields.Count)
        {
            throw IcebergException.Invalid($"partition tuple has {values.Count} values, spec {SpecId} has {Fields.Count} fields");
        }

        var sb = new StringBuilder();
        for (var i = 0; i < Fields.Count; i++)
        {
            var f = Fields[i];
            if (i > 0)
            {
                sb.Append('/');
            }

            var source = schema.FindField(f.SourceId)?.Type as PrimitiveType ?? PrimitiveType.String;
            sb.Append(UrlEncode(f.Name)).Append('=').Append(UrlEncode(f.Transform.ToHumanString(values[i], source)));
        }

        return sb.ToString();
    }

    /// <summary>Spec equality per the spec: same fields (source ids, transform, name); the spec id is ignored.</summary>
    public bool IsCompatibleWith(PartitionSpec other)
    {
        if (other.Fields.Count != Fields.Count)
        {
            return false;
        }

        for (var i = 0; i < Fields.Count; i++)
        {
            var a = Fields[i];
            var b = other.Fields[i];
            if (!a.SourceIds.SequenceEqual(b.SourceIds) || !a.Transform.Equals(b.Transform) || !string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(PartitionSpec? other) => other is not null && other.SpecId == SpecId && other.Fields.SequenceEqual(Fields);

    public override bool Equals(object? obj) => obj is PartitionSpec s && Equals(s);

    public override int GetHashCode() => HashCode.Combine(SpecId, Fields.Count);

    public override string ToString() => $"spec {SpecId} [{string.Join(", ", Fields)}]";

    /// <summary>application/x-www-form-urlencoded UTF-8 encoding (space as '+'), as java.net.URLEncoder.</summary>
    public static string UrlEncode(string s)
    {
        var sb = new StringBuilder(s.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '*')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                var len = char.IsHighSurrogate(c) && i + 1 < s.Length
                    ? Encoding.UTF8.GetBytes(s.AsSpan(i++, 2), utf8)
                    : Encoding.UTF8.GetBytes(s.AsSpan(i, 1), utf8);
                for (var j = 0; j < len; j++)
                {
                    sb.Append('%').Append(utf8[j].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return sb.ToString();
    }
}
