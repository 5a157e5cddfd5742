using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Expressions;

/// <summary>ARRAY[…], ROW(…), subscripts and field access (value-at-a-time; nested values are a cold path).</summary>
internal static class SpecialKernels
{
    public static ColumnVector Evaluate(BoundSpecialFunction f, ColumnVector[] args, int n)
    {
        switch (f.Name)
        {
            case "$array":
                {
                    var builder = ArrayBuilder.Create(f.Type.ArrowType);
                    for (var i = 0; i < n; i++)
                    {
                        var items = new object?[args.Length];
                        for (var a = 0; a < args.Length; a++)
                        {
                            items[a] = ToBuilderValue(ArrayFactory.GetValue(args[a].Array, args[a].Index(i), args[a].Type), args[a].Type);
                        }

                        builder.AppendObject(items);
                    }

                    return ColumnVector.FromArray(f.Type, builder.Build());
                }

            case "$row":
                {
                    var children = new ArrayData[args.Length];
                    for (var a = 0; a < args.Length; a++)
                    {
                        children[a] = args[a].ToArray().Data;
                    }

                    return ColumnVector.FromArray(f.Type, ArrowArray.Create(new ArrayData(f.Type.ArrowType, n, 0, 0, [default], children)));
                }

            case "$field":
                {
                    var st = (StructArray)args[0].ToArray();
                    var child = st.Field(f.FieldIndex);
                    if (st.NullCount > 0)
                    {
                        var idx = new int[n];
                        for (var i = 0; i < n; i++)
                        {
                            idx[i] = st.IsNull(i) ? -1 : i;
                        }

                        child = ArrayGather.Gather(child, idx);
                    }

                    return ColumnVector.FromArray(f.Type, child);
                }

            case "$subscript":
                {
                    var container = args[0];
                    var builder = ArrayBuilder.Create(f.Type.ArrowType);
                    var indices = new int[n];
                    ArrowArray? values = null;
                    for (var i = 0; i < n; i++)
                    {
                        indices[i] = -1;
                        if (container.IsNull(i) || args[1].IsNull(i))
                        {
                            continue;
                        }

                        if (container.Type.Kind == SqlTypeKind.Array)
                        {
                            var list = (ListArray)container.Array;
                            values = list.Values;
                            var row = container.Index(i);
                            var offsets = list.ValueOffsets;
                            var k = Convert.ToInt64(ArrayFactory.GetValue(args[1].Array, args[1].Index(i), args[1].Type), System.Globalization.CultureInfo.InvariantCulture);
                            var len = offsets[row + 1] - offsets[row];
                            if (k < 1 || k > len)
                            {
                                throw new SqlException(SqlErrorKind.Execution, $"Array subscript must be between 1 and {len}: {k}");
                            }

                            indices[i] = offsets[row] + (int)k - 1;
                        }
                        else
                        {
                            var map = (MapArray)container.Array;
                            values = map.Items;
                            var row = container.Index(i);
                            var offsets = map.ValueOffsets;
                            var key = ArrayFactory.GetValue(args[1].Array, args[1].Index(i), args[1].Type);
                            for (var j = offsets[row]; j < offsets[row + 1]; j++)
                            {
                                if (Equals(ArrayFactory.GetValue(map.Keys, j, container.Type.ElementType!), key))
                                {
                                    indices[i] = j;
                                    break;
                                }
                            }

                            if (indices[i] < 0)
                            {
                                throw new SqlException(SqlErrorKind.Execution, $"Key not present in map: {key}");
                            }
                        }
                    }

                    return values is null ? ColumnVector.Null(f.Type, n) : ColumnVector.FromArray(f.Type, ArrayGather.Gather(values, indices));
                }

            default:
                throw new SqlException(SqlErrorKind.NotImplemented, $"special form {f.Name}");
        }
    }

    /// <summary>Converts an engine value form to what Arrow's AppendObject expects for nested builders.</summary>
    private static object? ToBuilderValue(object? value, SqlType type) => value switch
    {
        null => null,
        SqlDecimal d => d.ToDecimal(),
        object?[] items when type.Kind == SqlTypeKind.Array => items.Select(i => ToBuilderValue(i, type.ElementType!)).ToArray(),
        object?[] fields when type.Kind == SqlTypeKind.Row => fields.Select((x, i) => ToBuilderValue(x, type.Fields[i].Type)).ToArray(),
        _ => value,
    };
}
