using Lakehouse.Sql.Functions.Strings;
using Xunit;
using static Lakehouse.Sql.Tests.Functions.Eval;

namespace Lakehouse.Sql.Tests.Functions;

public class StringFunctionTests
{
    private static readonly string[] s_samples = ["", "a", "hello world", "  padded\t ", "Ünïcödé straße", "日本語テキスト", "emoji 😀 here", "ǅungla ΣΑΣ", "x,y,,z"];

    [Fact]
    public void Substr_follows_trino()
    {
        Assert.Equal("ll", Slice("hello", b => Utf8Text.Substring(b, -3, 2)));
        Assert.Equal("llo", Slice("hello", b => Utf8Text.Substring(b, 3)));
        Assert.Equal("", Slice("hello", b => Utf8Text.Substring(b, 0)));
        Assert.Equal("", Slice("hello", b => Utf8Text.Substring(b, 6)));
        Assert.Equal("", Slice("hello", b => Utf8Text.Substring(b, -6)));
        Assert.Equal("", Slice("hello", b => Utf8Text.Substring(b, 2, 0)));
        Assert.Equal("本語", Slice("日本語テ", b => Utf8Text.Substring(b, 2, 2)));
        Assert.Equal("😀", Slice("a😀b", b => Utf8Text.Substring(b, -2, 1)));
    }

    [Fact]
    public void Strpos_counts_code_points_and_instances()
    {
        Assert.Equal(3, Utf8Text.Strpos(U("日本語"), U("語")));
        Assert.Equal(0, Utf8Text.Strpos(U("abc"), U("d")));
        Assert.Equal(1, Utf8Text.Strpos(U("abc"), U("")));
        Assert.Equal(5, Utf8Text.Strpos(U("abcabc"), U("bc"), 2));
        Assert.Equal(5, Utf8Text.Strpos(U("abcabc"), U("bc"), -1));
        Assert.Equal(2, Utf8Text.Strpos(U("abcabc"), U("bc"), -2));
        Assert.Equal(0, Utf8Text.Strpos(U("abcabc"), U("bc"), 3));
        Assert.Throws<SqlException>(() => Utf8Text.Strpos(U("a"), U("a"), 0));
    }

    [Fact]
    public void Replace_split_pad_follow_trino_docs()
    {
        Assert.Equal("xaxbxcx", Str(w => Utf8Text.Replace(U("abc"), U(""), U("x"), w)));
        Assert.Equal("a--c", Str(w => Utf8Text.Replace(U("abbc"), U("b"), U("-"), w)));
        Assert.Equal("  hi", Str(w => Utf8Text.Pad(U("hi"), 4, U(" "), left: true, w)));
        Assert.Throws<SqlException>(() => Str(w => Utf8Text.Pad(U("hi"), 4, U(""), left: true, w)));
        Assert.Equal("h", Str(w => Utf8Text.Pad(U("hi"), 1, U("x"), left: false, w)));
        Assert.Equal("hixyx", Str(w => Utf8Text.Pad(U("hi"), 5, U("xy"), left: false, w)));
        var parts = new Utf8ColumnWriter();
        Assert.Equal(3, Utf8Text.Split(U("a.b.c.d"), U("."), 3, parts));
        var array = parts.Build();
        Assert.Equal(new[] { "a", "b", "c.d" }, Enumerable.Range(0, 3).Select(i => array.GetString(i)!).ToArray());
        Assert.Throws<SqlException>(() => Utf8Text.Split(U("a"), U(""), long.MaxValue, new Utf8ColumnWriter()));
    }

    [Fact]
    public void Trim_uses_java_whitespace_and_char_sets()
    {
        Assert.Equal("a b", Slice(" \t\na b\r\u2003", b => Utf8Text.Trim(b, true, true)));
        Assert.Equal("\u00A0a", Slice("\u00A0a ", b => Utf8Text.Trim(b, true, true)));
        Assert.Equal("a b  ", Slice("  a b  ", b => Utf8Text.Trim(b, true, false)));
        Assert.Equal("test", Slice("--test-+", b => Utf8Text.Trim(b, U("-+"), true, true)));
    }

    [Fact]
    public void Upper_is_per_code_point()
    {
        Assert.Equal("STRAßE", Str(w => Utf8Text.Upper(U("straße"), w)));
        Assert.Equal("ǆ", Str(w => Utf8Text.Lower(U("ǅ"), w)));
        Assert.Equal("σασ", Str(w => Utf8Text.Lower(U("ΣΑΣ"), w)));
    }

    [SkippableFact]
    public void Kernels_agree_with_duckdb()
    {
        var cases = new List<(string, Func<string?>)>();
        foreach (var s in s_samples)
        {
            var b = U(s);
            cases.Add(($"length({Q(s)})", () => Utf8Text.CodePointCount(b).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            cases.Add(($"lower({Q(s)})", () => Str(w => Utf8Text.Lower(b, w))));
            if (!s.Contains('ß', StringComparison.Ordinal))
            {
                // DuckDB maps ß to ẞ; Trino (Java's per-code-point toUpperCase) keeps ß: see Upper_is_per_code_point.
                cases.Add(($"upper({Q(s)})", () => Str(w => Utf8Text.Upper(b, w))));
            }

            cases.Add(($"reverse({Q(s)})", () => Str(w => Utf8Text.Reverse(b, w))));
            if (!s.Contains('\t', StringComparison.Ordinal))
            {
                // DuckDB trims spaces only; Trino trims all whitespace: see Trim_uses_java_whitespace_and_char_sets.
                cases.Add(($"trim({Q(s)})", () => Slice(s, x => Utf8Text.Trim(x, true, true))));
            }

            cases.Add(($"replace({Q(s)}, 'e', 'EE')", () => Str(w => Utf8Text.Replace(b, U("e"), U("EE"), w))));
            cases.Add(($"starts_with({Q(s)}, 'he')", () => b.AsSpan().StartsWith("he"u8) ? "true" : "false"));
            cases.Add(($"strpos({Q(s)}, 'e')", () => Utf8Text.Strpos(b, U("e")).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            cases.Add(($"lpad({Q(s)}, 8, 'ab')", () => Str(w => Utf8Text.Pad(b, 8, U("ab"), left: true, w))));
            cases.Add(($"rpad({Q(s)}, 3, '😀')", () => Str(w => Utf8Text.Pad(b, 3, U("😀"), left: false, w))));
            foreach (var (start, length) in new[] { (1L, 3L), (2L, 100L), (-3L, 2L), (-1L, 1L), (5L, 2L) })
            {
                cases.Add(($"substring({Q(s)}, {start}, {length})", () => Slice(s, x => Utf8Text.Substring(x, start, length))));
            }
        }

        DuckDbEval.AssertAgree(cases);
    }
}
