using System.Buffers;
using System.Text;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Core;

/// <summary>lower(varchar): Unicode lower case (invariant culture); ASCII strings take a byte-wise fast path.</summary>
public sealed class LowerFunction : ScalarFunction
{
    public LowerFunction()
        : base("lower", "converts a string to lower case")
    {
    }

    public override IReadOnlyList<string> Signatures => ["lower(varchar) → varchar"];

    public override BoundScalarFunction? Bind(IReadOnlyList<SqlType> argumentTypes) =>
        argumentTypes.Count == 1 && argumentTypes[0].Kind is SqlTypeKind.Varchar or SqlTypeKind.Unknown ? new Bound() : null;

    private sealed class Bound() : BoundScalarFunction("lower", [SqlType.Varchar], SqlType.Varchar)
    {
        public override ColumnVector Invoke(ReadOnlySpan<ColumnVector> arguments, int rowCount, FunctionContext context)
        {
            var arg = arguments[0];
            var src = (BinaryArray)arg.Array;
            var builder = new BinaryBuilder(SqlType.Varchar.ArrowType);
            builder.Reserve(src.Length, src.ValueData.Length);
            char[]? chars = null;
            byte[]? bytes = null;
            Span<byte> small = stackalloc byte[256];
            for (var i = 0; i < src.Length; i++)
            {
                if (src.IsNull(i))
                {
                    builder.AppendNull();
                    continue;
                }

                var value = src.GetBytes(i);
                if (Ascii.IsValid(value) && value.Length <= small.Length)
                {
                    Ascii.ToLower(value, small, out var written);
                    builder.Append(small[..written]);
                    continue;
                }

                var charCount = Encoding.UTF8.GetCharCount(value);
                if (chars is null || chars.Length < charCount * 2)
                {
                    if (chars is not null)
                    {
                        ArrayPool<char>.Shared.Return(chars);
                    }

                    chars = ArrayPool<char>.Shared.Rent(charCount * 2);
                }

                var decoded = Encoding.UTF8.GetChars(value, chars);
                var lowered = chars.AsSpan(charCount, decoded);
                chars.AsSpan(0, decoded).ToLowerInvariant(lowered);
                var byteCount = Encoding.UTF8.GetByteCount(lowered);
                if (bytes is null || bytes.Length < byteCount)
                {
                    bytes = new byte[Math.Max(byteCount, 256)];
                }

                var n = Encoding.UTF8.GetBytes(lowered, bytes);
                builder.Append(bytes.AsSpan(0, n));
            }

            if (chars is not null)
            {
                ArrayPool<char>.Shared.Return(chars);
            }

            var result = builder.Build();
            return arg.IsConstant ? ColumnVector.Constant(ReturnType, result, rowCount) : ColumnVector.FromArray(ReturnType, result);
        }
    }
}
