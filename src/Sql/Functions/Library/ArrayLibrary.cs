using System.Globalization;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>cardinality, contains, element_at, array_join, array_distinct, array_sort, array_min/max, sequence.</summary>
internal static class ArrayLibrary
{
    public const int MaxSequenceLength = 10_000;

    public static void Register(FunctionRegistry registry)
    {
        registry.Register(new LibraryScalarFunction("cardinality", "number of elements")
            .Add(Generic("cardinality(array(T)) → bigint", 1, static a => a[0].Kind == SqlTypeKind.Array ? ([a[0]], SqlType.BigInt) : null,
                static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) =>
                {
                    var list = (ListArray)a[0].Array;
                    v = list.ValueLength(a[0].Index(r));
                    return true;
                }))));
        registry.Register(new LibraryScalarFunction("element_at", "element at a 1-based index (negative counts from the end); null when out of range")
            .Add(Generic("element_at(array(T), bigint) → T", 2, static a => a[0].Kind == SqlTypeKind.Array && SqlType.CanCoerce(a[1], SqlType.BigInt) ? ([a[0], SqlType.BigInt], a[0].ElementType!) : null, ElementAt)));
        registry.Register(new LibraryScalarFunction("contains", "whether the array contains the value (null when not found but the array has nulls)")
            .Add(Generic("contains(array(T), T) → boolean", 2, static a => a[0].Kind == SqlTypeKind.Array && SqlType.CommonSuperType(a[0].ElementType!, a[1]) is { } e && e == a[0].ElementType
                ? ([a[0], a[0].ElementType!], SqlType.Boolean) : null, Contains)));
        registry.Register(new LibraryScalarFunction("array_join", "elements joined by a delimiter; nulls skipped or replaced")
            .Add(Generic("array_join(array(T), varchar[, varchar]) → varchar", -1, static a => a.Count is 2 or 3 && a[0].Kind == SqlTypeKind.Array && a.Skip(1).All(x => SqlType.CanCoerce(x, SqlType.Varchar))
                ? (a.Count == 2 ? [a[0], SqlType.Varchar] : [a[0], SqlType.Varchar, SqlType.Varchar], SqlType.Varchar) : null, Join)));
        registry.Register(new LibraryScalarFunction("array_distinct", "elements without duplicates, first occurrence order")
            .Add(Generic("array_distinct(array(T)) → array(T)", 1, static a => a[0].Kind == SqlTypeKind.Array ? ([a[0]], a[0]) : null, static (a, n, _, t) => Reorder(a[0], n, t, distinct: true))));
        registry.Register(new LibraryScalarFunction("array_sort", "elements in ascending order, nulls last")
            .Add(Generic("array_sort(array(T)) → array(T)", 1, static a => a[0].Kind == SqlTypeKind.Array && a[0].ElementType!.IsOrderable ? ([a[0]], a[0]) : null, static (a, n, _, t) => Reorder(a[0], n, t, distinct: false))));
        foreach (var (name, max) in new[] { ("array_min", false), ("array_max", true) })
        {
            registry.Register(new LibraryScalarFunction(name, $"the {(max ? "largest" : "smallest")} element (null if any element is null)")
                .Add(Generic($"{name}(array(T)) → T", 1, static a => a[0].Kind == SqlTypeKind.Array && a[0].ElementType!.IsOrderable ? ([a[0]], a[0].ElementType!) : null,
                    (a, n, _, t) => Extreme(a[0], n, t, max))));
        }

        registry.Register(new LibraryScalarFunction("sequence", "integers from start to stop (inclusive) by step")
            .Add([SqlType.BigInt, SqlType.BigInt], SqlType.Array(SqlType.BigInt), static (a, n, _, t) => Sequence(a, n, t))
            .Add([SqlType.BigInt, SqlType.BigInt, SqlType.BigInt], SqlType.Array(SqlType.BigInt), static (a, n, _, t) => Sequence(a, n, t)));
    }

    private static ScalarOverload Generic(string signature, int arity, Func<IReadOnlyList<SqlType>, (SqlType[], SqlType)?> resolve, ScalarKernel kernel) =>
        new([], SqlType.Unknown, kernel, Resolve: a => arity >= 0 && a.Count != arity ? null : resolve(a), Signature: signature);

    private static ColumnVector ElementAt(ReadOnlySpan<ColumnVector> a, int n, FunctionContext context, SqlType type)
    {
        var list = (ListArray)a[0].Array;
        var offsets = list.ValueOffsets;
        var indices = new int[n];
        for (var r = 0; r < n; r++)
        {
            indices[r] = -1;
            if (a[0].IsNull(r) || a[1].IsNull(r))
            {
                continue;
            }

            var slot = a[0].Index(r);
            var length = offsets[slot + 1] - offsets[slot];
            var index = Arg.Int64(a[1], r);
            if (index == 0)
            {
                throw FunctionErrors.InvalidArgument("SQL array indices start at 1");
            }

            var position = index > 0 ? index - 1 : length + index;
            if (position >= 0 && position < length)
            {
                indices[r] = offsets[slot] + (int)position;
            }
        }

        return ColumnVector.FromArray(type, ArrayGather.Gather(list.Values, indices));
    }

    private static ColumnVector Contains(ReadOnlySpan<ColumnVector> a, int n, FunctionContext context, SqlType type) =>
        Rows.Booleans(type, a, n, static (a, r, out v) =>
        {
            v = false;
            var list = (ListArray)a[0].Array;
            var slot = a[0].Index(r);
            var offsets = list.ValueOffsets;
            var values = list.Values;
            var sawNull = false;
            for (var i = offsets[slot]; i < offsets[slot + 1]; i++)
            {
                if (values.IsNull(i))
                {
                    sawNull = true;
                }
                else if (ValueOrder.Equal(values, i, a[1].Array, a[1].Index(r)))
                {
                    v = true;
                    return true;
                }
            }

            return !sawNull;
        });

    private static ColumnVector Join(ReadOnlySpan<ColumnVector> a, int n, FunctionContext context, SqlType type) =>
        Rows.Utf8(type, a, n, static (a, r, w) =>
        {
            if (a[0].IsNull(r) || a[1].IsNull(r))
            {
                return false;
            }

            var list = (ListArray)a[0].Array;
            var slot = a[0].Index(r);
            var offsets = list.ValueOffsets;
            var values = list.Values;
            var elementType = a[0].Type.ElementType!;
            var replacement = a.Length > 2 && a[2].IsValid(r) ? Arg.Bytes(a[2], r) : default;
            var hasReplacement = a.Length > 2 && a[2].IsValid(r);
            var first = true;
            for (var i = offsets[slot]; i < offsets[slot + 1]; i++)
            {
                if (values.IsNull(i) && !hasReplacement)
                {
                    continue;
                }

                if (!first)
                {
                    w.Write(Arg.Bytes(a[1], r));
                }

                first = false;
                if (values.IsNull(i))
                {
                    w.Write(replacement);
                }
                else if (values is BinaryArray text)
                {
                    w.Write(text.GetBytes(i));
                }
                else
                {
                    var value = ArrayFactory.GetValue(values, i, elementType);
                    var s = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? string.Empty;
                    w.Write(System.Text.Encoding.UTF8.GetBytes(s));
                }
            }

            return true;
        }, propagateNulls: false);

    private static ColumnVector Reorder(ColumnVector input, int n, SqlType type, bool distinct)
    {
        var list = (ListArray)input.Array;
        var offsets = list.ValueOffsets;
        var values = list.Values;
        var outOffsets = new int[n + 1];
        var indices = new List<int>();
        byte[]? validity = null;
        var nulls = 0;
        var scratch = new List<int>();
        for (var r = 0; r < n; r++)
        {
            if (input.IsNull(r))
            {
                validity ??= Valid(n);
                BitUtil.ClearBit(validity, r);
                nulls++;
                outOffsets[r + 1] = indices.Count;
                continue;
            }

            var slot = input.Index(r);
            scratch.Clear();
            var sawNull = false;
            for (var i = offsets[slot]; i < offsets[slot + 1]; i++)
            {
                if (values.IsNull(i))
                {
                    if (!distinct || !sawNull)
                    {
                        scratch.Add(i);
                    }

                    sawNull = true;
                    continue;
                }

                if (distinct && scratch.Exists(j => !values.IsNull(j) && ValueOrder.Equal(values, j, values, i)))
                {
                    continue;
                }

                scratch.Add(i);
            }

            if (!distinct)
            {
                scratch.Sort((x, y) => values.IsNull(x) ? (values.IsNull(y) ? 0 : 1) : values.IsNull(y) ? -1 : ValueOrder.Compare(values, x, values, y) is var c && c != 0 ? c : x.CompareTo(y));
            }

            indices.AddRange(scratch);
            outOffsets[r + 1] = indices.Count;
        }

        var child = ArrayGather.Gather(values, indices.ToArray());
        var data = new ArrayData(type.ArrowType, n, nulls, 0, [nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity!), ArrowBuffer.FromArray(outOffsets)], [child.Data]);
        return ColumnVector.FromArray(type, ArrowArray.Create(data));
    }

    private static ColumnVector Extreme(ColumnVector input, int n, SqlType type, bool max)
    {
        var list = (ListArray)input.Array;
        var offsets = list.ValueOffsets;
        var values = list.Values;
        var indices = new int[n];
        for (var r = 0; r < n; r++)
        {
            indices[r] = -1;
            if (input.IsNull(r))
            {
                continue;
            }

            var slot = input.Index(r);
            var best = -1;
            for (var i = offsets[slot]; i < offsets[slot + 1]; i++)
            {
                if (values.IsNull(i))
                {
                    best = -1;
                    break;
                }

                if (best < 0 || (ValueOrder.Compare(values, i, values, best) is var c && (max ? c > 0 : c < 0)))
                {
                    best = i;
                }
            }

            indices[r] = best;
        }

        return ColumnVector.FromArray(type, ArrayGather.Gather(values, indices));
    }

    private static ColumnVector Sequence(ReadOnlySpan<ColumnVector> a, int n, SqlType type)
    {
        var offsets = new int[n + 1];
        var values = new List<long>();
        byte[]? validity = null;
        var nulls = 0;
        for (var r = 0; r < n; r++)
        {
            if (Arg.AnyNull(a, r))
            {
                validity ??= Valid(n);
                BitUtil.ClearBit(validity, r);
                nulls++;
                offsets[r + 1] = values.Count;
                continue;
            }

            var start = Arg.Int64(a[0], r);
            var stop = Arg.Int64(a[1], r);
            var step = a.Length > 2 ? Arg.Int64(a[2], r) : (stop >= start ? 1 : -1);
            if (step == 0)
            {
                throw FunctionErrors.InvalidArgument("step must not be zero");
            }

            if ((step > 0 && stop < start) || (step < 0 && stop > start))
            {
                throw FunctionErrors.InvalidArgument("sequence stop value should be greater than or equal to start value if step is greater than zero otherwise stop should be less than or equal to start");
            }

            var count = (((Int128)stop - start) / step) + 1;
            if (count > MaxSequenceLength)
            {
                throw FunctionErrors.InvalidArgument($"result of sequence function must not have more than {MaxSequenceLength} entries");
            }

            for (long k = 0; k < count; k++)
            {
                values.Add(start + (k * step));
            }

            offsets[r + 1] = values.Count;
        }

        var child = ArrayFactory.FromSpan<long>(SqlType.BigInt, values.ToArray(), null, 0);
        var data = new ArrayData(type.ArrowType, n, nulls, 0, [nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity!), ArrowBuffer.FromArray(offsets)], [child.Data]);
        return ColumnVector.FromArray(type, ArrowArray.Create(data));
    }

    private static byte[] Valid(int n)
    {
        var bits = new byte[BitUtil.BytesForBits(n)];
        bits.AsSpan().Fill(0xFF);
        return bits;
    }
}
