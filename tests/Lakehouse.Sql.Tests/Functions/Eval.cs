using System.Text;
using Lakehouse.Sql.Functions.Strings;

namespace Lakehouse.Sql.Tests.Functions;

/// <summary>Runs one per-value kernel and returns its output as text (tests only).</summary>
internal static class Eval
{
    public static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    public static string Str(Action<Utf8ColumnWriter> kernel)
    {
        var w = new Utf8ColumnWriter();
        kernel(w);
        w.EndValue();
        return w.Build().GetString(0)!;
    }

    /// <summary>A kernel that reports whether the value is null (false) and writes it otherwise.</summary>
    public static string? NullableStr(Func<Utf8ColumnWriter, bool> kernel)
    {
        var w = new Utf8ColumnWriter();
        if (!kernel(w))
        {
            return null;
        }

        w.EndValue();
        return w.Build().GetString(0);
    }

    public static byte[] Bytes(Action<Utf8ColumnWriter> kernel)
    {
        var w = new Utf8ColumnWriter(type: Lakehouse.Arrow.Types.ArrowType.Binary);
        kernel(w);
        w.EndValue();
        return w.Build().GetBytes(0).ToArray();
    }

    public static string Slice(string s, Func<byte[], Range> f)
    {
        var b = U(s);
        return Encoding.UTF8.GetString(b[f(b)]);
    }

    public static string Q(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
