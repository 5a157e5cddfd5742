using Lakehouse.Arrow.Arrays;
using Lakehouse.Table.Expressions;
using Lakehouse.Table.Types;
using IcebergSchema = Lakehouse.Table.Types.Schema;

namespace Lakehouse.Table.Scanning;

/// <summary>
/// Applies a file's residual filter to its rows when every column it references is a top-level primitive column whose
/// values can be read exactly (Arrow type equal to the table type's); otherwise <see cref="TryCreate"/> returns null and
/// the rows are kept (the residual stays for the caller).
/// </summary>
internal sealed class ResidualFilter
{
    private readonly Evaluator _evaluator;
    private readonly NestedField[] _fields;
    private readonly object?[] _row;

    private ResidualFilter(Evaluator evaluator, NestedField[] fields)
    {
        _evaluator = evaluator;
        _fields = fields;
        _row = new object?[fields.Length];
    }

    public IReadOnlyList<NestedField> Fields => _fields;

    public static ResidualFilter? TryCreate(Expression residual, IcebergSchema schema, bool caseSensitive)
    {
        if (residual is AlwaysTrue)
        {
            return null;
        }

        residual = Binder.Bind(schema, residual, caseSensitive);

        var ids = new List<int>();
        if (!CollectIds(residual, ids))
        {
            return null;
        }

        var fields = new List<NestedField>();
        foreach (var id in ids.Distinct())
        {
            var field = schema.Struct.Field(id);
            if (field is null || field.Type is not PrimitiveType)
            {
                return null;
            }

            fields.Add(field);
        }

        try
        {
            return new ResidualFilter(new Evaluator(new StructType(fields), residual), [.. fields]);
        }
        catch (IcebergException)
        {
            return null;
        }
    }

    private static bool CollectIds(Expression e, List<int> ids)
    {
        switch (e)
        {
            case And a:
                return CollectIds(a.Left, ids) && CollectIds(a.Right, ids);
            case Or o:
                return CollectIds(o.Left, ids) && CollectIds(o.Right, ids);
            case BoundPredicate p:
                ids.Add(p.FieldId);
                return true;
            case AlwaysTrue or AlwaysFalse:
                return true;
            default:
                return false;
        }
    }

    /// <summary>True when every column can be read as exact Iceberg values.</summary>
    public static bool CanRead(ArrowArray? column, PrimitiveType type) => column is null || (type.TypeId, column) switch
    {
        (TypeId.Boolean, BooleanArray) => true,
        (TypeId.Int or TypeId.Date, PrimitiveArray<int>) => true,
        (TypeId.Long or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs, PrimitiveArray<long>) => true,
        (TypeId.Float, PrimitiveArray<float>) => true,
        (TypeId.Double, PrimitiveArray<double>) => true,
        (TypeId.String or TypeId.Binary, BinaryArray) => true,
        (TypeId.Fixed or TypeId.Uuid, FixedSizeBinaryArray) => true,
        (TypeId.Decimal, DecimalArray) => true,
        _ => false,
    };

    /// <summary>Marks rows that fail the residual as removed. Columns are the filter's fields in order (null = all null).</summary>
    public void Apply(ArrowArray?[] columns, int length, ref bool[]? removed)
    {
        for (var r = 0; r < length; r++)
        {
            if (removed is not null && removed[r])
            {
                continue;
            }

            for (var c = 0; c < _fields.Length; c++)
            {
                _row[c] = Value(columns[c], r, (PrimitiveType)_fields[c].Type);
            }

            if (!_evaluator.Eval(_row))
            {
                removed ??= new bool[length];
                removed[r] = true;
            }
        }
    }

    private static object? Value(ArrowArray? a, int r, PrimitiveType type)
    {
        if (a is null || a.IsNull(r))
        {
            return null;
        }

        return a switch
        {
            BooleanArray b => b.Value(r),
            PrimitiveArray<int> i => i.Value(r),
            PrimitiveArray<long> l => l.Value(r),
            PrimitiveArray<float> f => f.Value(r),
            PrimitiveArray<double> d => d.Value(r),
            BinaryArray s when type.TypeId == TypeId.String => s.GetString(r),
            BinaryArray s => s.GetBytes(r).ToArray(),
            FixedSizeBinaryArray u when type.TypeId == TypeId.Uuid => new Guid(u.GetBytes(r), bigEndian: true),
            FixedSizeBinaryArray fx => fx.GetBytes(r).ToArray(),
            DecimalArray dec => dec.UnscaledBigInteger(r),
            _ => throw new IcebergException(IcebergErrorKind.NotSupported, $"not supported: residual filter on {a.Type}"),
        };
    }
}
