using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Core;

/// <summary>abs(x) for integers (overflow of the minimum value is an error), real, double and decimal.</summary>
public sealed class AbsFunction : ScalarFunction
{
    public AbsFunction()
        : base("abs", "absolute value")
    {
    }

    public override IReadOnlyList<string> Signatures => ["abs(T) → T for numeric T"];

    public override BoundScalarFunction? Bind(IReadOnlyList<SqlType> argumentTypes) =>
        argumentTypes.Count == 1 && (argumentTypes[0].IsNumeric || argumentTypes[0].Kind == SqlTypeKind.Unknown)
            ? new Bound(argumentTypes[0].Kind == SqlTypeKind.Unknown ? SqlType.BigInt : argumentTypes[0])
            : null;

    private sealed class Bound(SqlType type) : BoundScalarFunction("abs", [type], type)
    {
        public override ColumnVector Invoke(ReadOnlySpan<ColumnVector> arguments, int rowCount, FunctionContext context)
        {
            var arg = arguments[0];
            var a = arg.Array;
            var n = a.Length;
            var validity = a.NullCount > 0 ? a.ValidityBitmap.ToArray() : null;
            ArrowArray result;
            try
            {
                result = ReturnType.Kind switch
                {
                    SqlTypeKind.TinyInt => Map<sbyte>(a, n, v => checked((sbyte)Math.Abs(v))),
                    SqlTypeKind.SmallInt => Map<short>(a, n, v => Math.Abs(v)),
                    SqlTypeKind.Integer => Map<int>(a, n, v => Math.Abs(v)),
                    SqlTypeKind.BigInt => Map<long>(a, n, v => Math.Abs(v)),
                    SqlTypeKind.Real => Map<float>(a, n, Math.Abs),
                    SqlTypeKind.Double => Map<double>(a, n, Math.Abs),
                    _ => MapDecimal(a, n),
                };
            }
            catch (OverflowException)
            {
                throw new SqlException(SqlErrorKind.Execution, $"{ReturnType} overflow in abs");
            }

            return arg.IsConstant ? ColumnVector.Constant(ReturnType, result, rowCount) : ColumnVector.FromArray(ReturnType, result);

            ArrowArray Map<T>(ArrowArray array, int length, Func<T, T> f)
                where T : unmanaged
            {
                var src = ((PrimitiveArray<T>)array).Values;
                var mem = ArrayFactory.Allocate<T>(length, out var dst);
                for (var i = 0; i < length; i++)
                {
                    dst[i] = array.IsValid(i) ? f(src[i]) : default;
                }

                return Wrap(mem);
            }

            ArrowArray MapDecimal(ArrowArray array, int length)
            {
                var dec = (DecimalArray)array;
                var mem = ArrayFactory.Allocate<Int128>(length, out var dst);
                for (var i = 0; i < length; i++)
                {
                    dst[i] = array.IsValid(i) ? Int128.Abs(dec.UnscaledInt128(i)) : default;
                }

                return Wrap(mem);
            }

            ArrowArray Wrap(Memory<byte> mem) => ArrayFactory.Wrap(ReturnType, n, mem, validity == null ? null : CopyBits(validity, a.Offset, n), a.NullCount);
        }

        private static byte[] CopyBits(byte[] bits, int offset, int length)
        {
            var dst = new byte[Arrow.Memory.BitUtil.BytesForBits(length)];
            Arrow.Memory.BitUtil.CopyBits(bits, offset, dst, 0, length);
            return dst;
        }
    }
}
