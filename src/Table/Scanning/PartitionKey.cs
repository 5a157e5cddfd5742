using System.Globalization;
using System.Text;

namespace Lakehouse.Table.Scanning;

/// <summary>A string key for (spec id, partition tuple) equality.</summary>
internal static class PartitionKey
{
    public static string Of(int specId, IReadOnlyList<object?> partition)
    {
        var sb = new StringBuilder().Append(specId.ToString(CultureInfo.InvariantCulture));
        foreach (var value in partition)
        {
            sb.Append('\u0001');
            switch (value)
            {
                case null:
                    sb.Append('\u0000');
                    break;
                case byte[] bytes:
                    sb.Append('b').Append(Convert.ToBase64String(bytes));
                    break;
                case IFormattable f:
                    sb.Append(value.GetType().Name).Append(':').Append(f.ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(value.GetType().Name).Append(':').Append(value);
                    break;
            }
        }

        return sb.ToString();
    }
}
