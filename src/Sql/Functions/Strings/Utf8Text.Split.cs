namespace Lakehouse.Sql.Functions.Strings;

/// <summary>split(s, delimiter[, limit]).</summary>
public static partial class Utf8Text
{
    /// <summary>
    /// Appends the parts of <paramref name="s"/> split on <paramref name="delimiter"/> to
    /// <paramref name="elements"/> and returns how many were appended. With a limit, the last part holds the
    /// rest of the string. Errors as Trino for an empty delimiter or a limit below 1.
    /// </summary>
    public static int Split(ReadOnlySpan<byte> s, ReadOnlySpan<byte> delimiter, long limit, Utf8ColumnWriter elements)
    {
        if (delimiter.IsEmpty)
        {
            throw FunctionErrors.InvalidArgument("The delimiter may not be the empty string");
        }

        if (limit <= 0)
        {
            throw FunctionErrors.InvalidArgument("Limit must be positive");
        }

        if (limit > int.MaxValue)
        {
            throw FunctionErrors.InvalidArgument("Limit is too large");
        }

        var count = 0;
        while (count < limit - 1)
        {
            var at = s.IndexOf(delimiter);
            if (at < 0)
            {
                break;
            }

            elements.Append(s[..at]);
            count++;
            s = s[(at + delimiter.Length)..];
        }

        elements.Append(s);
        return count + 1;
    }
}
