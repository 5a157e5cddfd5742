using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow;

/// <summary>
/// Logical equality of arrays and record batches: compares the values of valid slots only, whatever the
/// offsets, slicing, buffer contents under nulls or padding; recurses into nested types; optionally decodes
/// dictionaries and accepts equivalent layouts (see <see cref="ArrayComparisonOptions"/>). Returns the first
/// difference, described precisely, or null when equal. Meant for tests and verification, not hot paths.
/// </summary>
public static partial class ArrayComparer
{
    public static ArrayDifference? Compare(ArrowArray expected, ArrowArray actual, ArrayComparisonOptions? options = null, string path = "$")
    {
        var comparison = new Comparison(options ?? ArrayComparisonOptions.Default);
        return comparison.CompareArrays(expected, actual, path);
    }

    public static ArrayDifference? Compare(RecordBatch expected, RecordBatch actual, ArrayComparisonOptions? options = null)
    {
        options ??= ArrayComparisonOptions.Default;
        if (expected.ColumnCount != actual.ColumnCount)
        {
            return new ArrayDifference("$", -1, $"{expected.ColumnCount} columns", $"{actual.ColumnCount} columns", "column count differs");
        }

        if (expected.Length != actual.Length)
        {
            return new ArrayDifference("$", -1, $"{expected.Length} rows", $"{actual.Length} rows", "row count differs");
        }

        var comparison = new Comparison(options);
        for (var c = 0; c < expected.ColumnCount; c++)
        {
            var name = expected.Schema[c].Name;
            if (options.CompareFieldNames && !string.Equals(name, actual.Schema[c].Name, StringComparison.Ordinal))
            {
                return new ArrayDifference($"$[{c}]", -1, name, actual.Schema[c].Name, "column name differs");
            }

            if (comparison.CompareArrays(expected.Column(c), actual.Column(c), name) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    /// <summary>
    /// Compares an array with expected CLR values (as <see cref="Builders.ArrayBuilder.AppendObject"/> accepts them:
    /// null, long, string, DateTime, object?[] for structs, enumerables for lists...), built into an array of
    /// the actual array's type first.
    /// </summary>
    public static ArrayDifference? CompareToValues(IEnumerable<object?> expected, ArrowArray actual, ArrayComparisonOptions? options = null, string path = "$")
    {
        var builder = Builders.ArrayBuilder.Create(actual.Type);
        foreach (var value in expected)
        {
            builder.AppendObject(value);
        }

        return Compare(builder.Build(), actual, options, path);
    }

    public static bool AreEqual(ArrowArray expected, ArrowArray actual, ArrayComparisonOptions? options = null) =>
        Compare(expected, actual, options) is null;

    public static bool AreEqual(RecordBatch expected, RecordBatch actual, ArrayComparisonOptions? options = null) =>
        Compare(expected, actual, options) is null;

    /// <summary>Whether two types hold comparable values under <paramref name="options"/> (nullability and list item names are ignored).</summary>
    public static bool TypesMatch(ArrowType expected, ArrowType actual, ArrayComparisonOptions? options = null)
    {
        options ??= ArrayComparisonOptions.Default;
        expected = Decoded(expected, options.DecodeDictionaries);
        actual = Decoded(actual, options.DecodeDictionaries);

        if (expected.Id != actual.Id && !(options.IgnoreLayout && LayoutGroup(expected.Id) == LayoutGroup(actual.Id) && LayoutGroup(expected.Id) != 0))
        {
            return false;
        }

        switch (expected)
        {
            case ListType l:
                return TypesMatch(l.ValueType, ((ListType)actual).ValueType, options);
            case FixedSizeListType f:
                return actual is FixedSizeListType g && f.ListSize == g.ListSize && TypesMatch(f.ValueType, g.ValueType, options);
            case MapType m:
                var n = (MapType)actual;
                return TypesMatch(m.KeyField.Type, n.KeyField.Type, options) && TypesMatch(m.ValueField.Type, n.ValueField.Type, options);
            case StructType s:
                var t = (StructType)actual;
                if (s.Fields.Count != t.Fields.Count)
                {
                    return false;
                }

                for (var i = 0; i < s.Fields.Count; i++)
                {
                    if ((options.CompareFieldNames && !string.Equals(s.Fields[i].Name, t.Fields[i].Name, StringComparison.Ordinal))
                        || !TypesMatch(s.Fields[i].Type, t.Fields[i].Type, options))
                    {
                        return false;
                    }
                }

                return true;
            case UnionType u:
                var v = (UnionType)actual;
                if (u.Fields.Count != v.Fields.Count || !u.TypeCodes.SequenceEqual(v.TypeCodes))
                {
                    return false;
                }

                for (var i = 0; i < u.Fields.Count; i++)
                {
                    if (!TypesMatch(u.Fields[i].Type, v.Fields[i].Type, options))
                    {
                        return false;
                    }
                }

                return true;
            case DictionaryType d:
                var e = (DictionaryType)actual;
                return d.IndexType.Equals(e.IndexType) && TypesMatch(d.ValueType, e.ValueType, options);
            case BinaryType or PrimitiveType:
                return true;
            default:
                return expected.Equals(actual);
        }
    }

    /// <summary>The type whose values an array of <paramref name="type"/> logically holds (run-end encoding always removed).</summary>
    private static ArrowType Decoded(ArrowType type, bool dictionaries) => type switch
    {
        DictionaryType d when dictionaries => Decoded(d.ValueType, dictionaries),
        RunEndEncodedType r => Decoded(r.ValuesField.Type, dictionaries),
        _ => type,
    };

    private static int LayoutGroup(ArrowTypeId id) => id switch
    {
        ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 or ArrowTypeId.Utf8View => 1,
        ArrowTypeId.Binary or ArrowTypeId.LargeBinary or ArrowTypeId.BinaryView => 2,
        ArrowTypeId.List or ArrowTypeId.LargeList or ArrowTypeId.ListView or ArrowTypeId.LargeListView => 3,
        _ => 0,
    };
}
