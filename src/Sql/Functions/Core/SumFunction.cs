using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Core;

/// <summary>
/// sum(x): integers → bigint (overflow is an error), real/double → double (real stays real in Trino; we
/// return the input type for real too), decimal(p,s) → decimal(38,s). Null for a group without non-null values.
/// </summary>
public sealed class SumFunction : AggregateFunction
{
    public SumFunction()
        : base("sum", "sum of non-null values")
    {
    }

    public override IReadOnlyList<string> Signatures => ["sum(integer types) → bigint", "sum(double) → double", "sum(real) → real", "sum(decimal(p,s)) → decimal(38,s)"];

    public override BoundAggregateFunction? Bind(IReadOnlyList<SqlType> argumentTypes, bool distinct)
    {
        if (argumentTypes.Count != 1)
        {
            return null;
        }

        var t = argumentTypes[0];
        return t.Kind switch
        {
            SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Integer or SqlTypeKind.BigInt or SqlTypeKind.Unknown => new Bound("sum", [SqlType.BigInt], SqlType.BigInt, NumericAccumulator.Kind.Integer),
            SqlTypeKind.Real => new Bound("sum", [SqlType.Double], SqlType.Real, NumericAccumulator.Kind.Float),
            SqlTypeKind.Double => new Bound("sum", [SqlType.Double], SqlType.Double, NumericAccumulator.Kind.Float),
            SqlTypeKind.Decimal => new Bound("sum", [t], SqlType.Decimal(SqlType.MaxDecimalPrecision, t.Scale), NumericAccumulator.Kind.Decimal),
            _ => null,
        };
    }

    internal sealed class Bound(string name, IReadOnlyList<SqlType> args, SqlType returnType, NumericAccumulator.Kind kind) : BoundAggregateFunction(name, args, returnType)
    {
        public override GroupedAggregateState CreateState() => new State(ReturnType, kind, average: false);
    }

    /// <summary>Sum / average state: a typed running total and a count per group.</summary>
    internal sealed class State(SqlType returnType, NumericAccumulator.Kind kind, bool average) : GroupedAggregateState
    {
        private readonly NumericAccumulator _acc = new(kind);

        public override long MemoryBytes => _acc.MemoryBytes;

        public override void EnsureGroups(int groupCount) => _acc.EnsureGroups(groupCount);

        public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount) => _acc.Add(groupIds, arguments[0], rowCount);

        public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap) => _acc.Merge(((State)other)._acc, groupMap);

        public override ArrowArray Finish(int groupCount)
        {
            var counts = _acc.Counts;
            var validity = new byte[BitUtil.BytesForBits(groupCount)];
            var nulls = 0;
            for (var g = 0; g < groupCount; g++)
            {
                if (counts[g] > 0)
                {
                    BitUtil.SetBit(validity, g);
                }
                else
                {
                    nulls++;
                }
            }

            switch (returnType.Kind)
            {
                case SqlTypeKind.BigInt:
                    return ArrayFactory.FromSpan<long>(returnType, _acc.Longs.AsSpan(0, groupCount), validity, nulls);
                case SqlTypeKind.Real:
                    {
                        var mem = ArrayFactory.Allocate<float>(groupCount, out var values);
                        for (var g = 0; g < groupCount; g++)
                        {
                            values[g] = (float)_acc.Doubles[g];
                        }

                        return ArrayFactory.Wrap(returnType, groupCount, mem, validity, nulls);
                    }

                case SqlTypeKind.Double when !average:
                    return ArrayFactory.FromSpan<double>(returnType, _acc.Doubles.AsSpan(0, groupCount), validity, nulls);
                case SqlTypeKind.Double:
                    {
                        var mem = ArrayFactory.Allocate<double>(groupCount, out var values);
                        for (var g = 0; g < groupCount; g++)
                        {
                            values[g] = counts[g] == 0 ? 0 : (kind == NumericAccumulator.Kind.Integer ? (double)_acc.Longs[g] : _acc.Doubles[g]) / counts[g];
                        }

                        return ArrayFactory.Wrap(returnType, groupCount, mem, validity, nulls);
                    }

                default:
                    {
                        var mem = ArrayFactory.Allocate<Int128>(groupCount, out var values);
                        for (var g = 0; g < groupCount; g++)
                        {
                            var v = _acc.Decimals[g];
                            if (average && counts[g] > 0)
                            {
                                // round half away from zero
                                var q = Int128.DivRem(v, counts[g]);
                                v = Int128.Abs(q.Remainder) * 2 >= counts[g] ? q.Quotient + (v < 0 ? -1 : 1) : q.Quotient;
                            }

                            values[g] = DecimalMath.CheckPrecision(v, returnType.Precision);
                        }

                        return ArrayFactory.Wrap(returnType, groupCount, mem, validity, nulls);
                    }
            }
        }
    }
}
