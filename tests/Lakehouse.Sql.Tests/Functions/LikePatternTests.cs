using Lakehouse.Sql.Functions.Strings;
using Xunit;
using static Lakehouse.Sql.Tests.Functions.Eval;

namespace Lakehouse.Sql.Tests.Functions;

public class LikePatternTests
{
    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "ab", false)]
    [InlineData("abc", "a%", true)]
    [InlineData("abc", "%c", true)]
    [InlineData("abc", "%b%", true)]
    [InlineData("abc", "a%c", true)]
    [InlineData("ac", "a%%c", true)]
    [InlineData("abc", "a_c", true)]
    [InlineData("a😀c", "a_c", true)]
    [InlineData("abc", "_", false)]
    [InlineData("", "%", true)]
    [InlineData("", "", true)]
    [InlineData("x", "", false)]
    [InlineData("abcabd", "%ab_", true)]
    [InlineData("aXbXc", "a%b%c", true)]
    [InlineData("ab", "a%b%c", false)]
    [InlineData("abab", "%ab%ab", true)]
    [InlineData("aab", "a%ab", true)]
    public void Matches(string value, string pattern, bool expected) => Assert.Equal(expected, LikePattern.Compile(pattern).IsMatch(U(value)));

    [Fact]
    public void Escape_and_errors_follow_trino()
    {
        Assert.True(LikePattern.Compile("a\\%b", "\\").IsMatch(U("a%b")));
        Assert.False(LikePattern.Compile("a\\%b", "\\").IsMatch(U("axb")));
        Assert.True(LikePattern.Compile("a#_#%##", "#").IsMatch(U("a_%#")));
        Assert.Throws<SqlException>(() => LikePattern.Compile("a#b", "#"));
        Assert.Throws<SqlException>(() => LikePattern.Compile("a#", "#"));
        Assert.Throws<SqlException>(() => LikePattern.Compile("a", "##"));
    }

    [Fact]
    public void Ilike_folds_case()
    {
        Assert.True(LikePattern.Compile("%STRASSE%", caseInsensitive: true).IsMatch(U("hauptstrasse 1")));
        Assert.True(LikePattern.Compile("ÄB_", caseInsensitive: true).IsMatch(U("äbc")));
    }

    [SkippableFact]
    public void Random_patterns_agree_with_duckdb()
    {
        var random = new Random(20261122);
        const string alphabet = "ab%_é";
        var cases = new List<(string, Func<string?>)>();
        for (var i = 0; i < 400; i++)
        {
            var pattern = new string(Enumerable.Range(0, random.Next(0, 6)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var value = new string(Enumerable.Range(0, random.Next(0, 7)).Select(_ => "abé"[random.Next(3)]).ToArray());
            var compiled = LikePattern.Compile(pattern);
            cases.Add(($"{Q(value)} LIKE {Q(pattern)}", () => compiled.IsMatch(U(value)) ? "true" : "false"));
        }

        DuckDbEval.AssertAgree(cases);
    }
}
