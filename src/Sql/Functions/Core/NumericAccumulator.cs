using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Sql.Functions.Core;

/// <summary>Per-group running totals (checked long, double or Int128) and non-null counts.</summary>
internal sealed class NumericAccumulator(NumericAccumulator.Kind kind)
{
    public enum Kind
    {
        Integer,
        Float,
        Decimal,
    }

    public long[] Longs = kind == Kind.Integer ? new long[16] : [];
    public double[] Doubles = kind == Kind.Float ? new double[16] : [];
    public Int128[] Decimals = kind == Kind.Decimal ? new Int128[16] : [];
    public long[] Counts = new long[16];

    public long MemoryBytes => (Counts.Length * 8L) + (Longs.Length * 8L) + (Doubles.Length * 8L) + (Decimals.Length * 16L);

    public void EnsureGroups(int groupCount)
    {
        if (groupCount <= Counts.Length)
        {
            return;
        }

        var size = Math.Max(groupCount, Counts.Length * 2);
        Array.Resize(ref Counts, size);
        switch (kind)
        {
            case Kind.Integer:
                Array.Resize(ref Longs, size);
                break;
            case Kind.Float:
                Array.Resize(ref Doubles, size);
                break;
            default:
                Array.Resize(ref Decimals, size);
                break;
        }
    }

    public void Add(ReadOnlySpan<int> groupIds, ColumnVector arg, int rowCount)
    {
        if (arg.IsAllNull)
        {
            return;
        }

        var array = arg.Array;
        var hasNulls = array.NullCount > 0;
        var c = arg.IsConstant;
        switch (kind)
        {
            case Kind.Integer:
                {
                    var values = ((PrimitiveArray<long>)array).Values;
                    try
                    {
                        for (var r = 0; r < rowCount; r++)
                        {
                            var i = c ? 0 : r;
                            if (!hasNulls || array.IsValid(i))
                            {
                                var g = groupIds[r];
                                Longs[g] = checked(Longs[g] + values[i]);
                                Counts[g]++;
                            }
                        }
                    }
                    catch (OverflowException)
                    {
                        throw new SqlException(SqlErrorKind.Execution, "bigint addition overflow in sum");
                    }

                    break;
                }

            case Kind.Float:
                {
                    var values = ((PrimitiveArray<double>)array).Values;
                    for (var r = 0; r < rowCount; r++)
                    {
                        var i = c ? 0 : r;
                        if (!hasNulls || array.IsValid(i))
                        {
                            var g = groupIds[r];
                            Doubles[g] += values[i];
                            Counts[g]++;
                        }
                    }

                    break;
                }

            default:
                {
                    var dec = (DecimalArray)array;
                    for (var r = 0; r < rowCount; r++)
                    {
                        var i = c ? 0 : r;
                        if (!hasNulls || array.IsValid(i))
                        {
                            var g = groupIds[r];
                            Decimals[g] += dec.UnscaledInt128(i);
                            Counts[g]++;
                        }
                    }

                    break;
                }
        }
    }

    public void Merge(NumericAccumulator other, ReadOnlySpan<int> groupMap)
    {
        for (var g = 0; g < groupMap.Length; g++)
        {
            var t = groupMap[g];
            Counts[t] += other.Counts[g];
            switch (kind)
            {
                case Kind.Integer:
                    Longs[t] = checked(Longs[t] + other.Longs[g]);
                    break;
                case Kind.Float:
                    Doubles[t] += other.Doubles[g];
                    break;
                default:
                    Decimals[t] += other.Decimals[g];
                    break;
            }
        }
    }
}
