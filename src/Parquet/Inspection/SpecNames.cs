using System.Text;

namespace Lakehouse.Parquet.Inspection;

/// <summary>Spells metadata enums as parquet.thrift does (Int64 -> INT64, FixedLenByteArray -> FIXED_LEN_BYTE_ARRAY).</summary>
public static class SpecNames
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (i > 0 && char.IsUpper(ch))
            {
                sb.Append('_');
            }

            sb.Append(char.ToUpperInvariant(ch));
        }

        return sb.ToString();
    }
}
