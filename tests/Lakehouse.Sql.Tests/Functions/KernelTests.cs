using Lakehouse.Sql.Functions.Hashing;
using Lakehouse.Sql.Functions.Json;
using Lakehouse.Sql.Functions.RegularExpressions;
using Lakehouse.Sql.Functions.Temporal;
using Xunit;
using static Lakehouse.Sql.Tests.Functions.Eval;

namespace Lakehouse.Sql.Tests.Functions;

public class KernelTests
{
    [Theory]
    [InlineData("", 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0x44BC2CF5AD770999UL)]
    public void XxHash64_matches_reference_vectors(string input, ulong expected) => Assert.Equal(expected, XxHash64.Hash(U(input)));

    [Fact]
    public void XxHash64_long_input_uses_stripes_and_the_int64_shortcut_agrees()
    {
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, 123456789);
        Assert.Equal(XxHash64.Hash(bytes), XxHash64.HashInt64(123456789));
        var data = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        Assert.NotEqual(XxHash64.Hash(data), XxHash64.Hash(data.AsSpan(0, 99)));
    }

    [Theory]
    [InlineData("a*+b", "(?>a*)b")]
    [InlineData("\\Qa.b\\E", "(?:a\\.b)")]
    [InlineData("\\p{Alpha}+", "[a-zA-Z]+")]
    [InlineData("[\\p{Lower}]", "[a-z]")]
    [InlineData("(ab)++", "(?>(ab)+)")]
    [InlineData("\\x{263A}", "\\u263A")]
    public void Java_regex_translation(string java, string dotnet) => Assert.Equal(dotnet, JavaRegexTranslator.Translate(java));

    [Fact]
    public void Regex_runs_linear_time_when_possible_and_rejects_intersections()
    {
        Assert.True(SqlRegex.Get("(a+)+$").IsLinearTime);
        Assert.False(SqlRegex.Get("(a)\\1").IsMatch(U("ab")));
        Assert.True(SqlRegex.Get("(a)\\1").IsMatch(U("aa")));
        Assert.Throws<SqlException>(() => SqlRegex.Get("[a-z&&[^b]]"));
        Assert.False(SqlRegex.Get("(a+)+$").IsMatch(U(new string('a', 5000) + "!")));
    }

    [Fact]
    public void Json_paths_and_extraction()
    {
        const string doc = "{\"store\": {\"book\": [{\"title\": \"A \\\"quoted\\\" title\", \"price\": 8.95}, {\"title\": \"B\", \"price\": 12}], \"open\": true}, \"n\": null}";
        var json = U(doc);
        Assert.Equal("A \"quoted\" title", NullableStr(w => JsonFunctions.ExtractScalar(json, JsonPath.Parse("$.store.book[0].title"), w)));
        Assert.Equal("12", NullableStr(w => JsonFunctions.ExtractScalar(json, JsonPath.Parse("$['store']['book'][1].price"), w)));
        Assert.Equal("true", NullableStr(w => JsonFunctions.ExtractScalar(json, JsonPath.Parse("$.store.open"), w)));
        Assert.Null(NullableStr(w => JsonFunctions.ExtractScalar(json, JsonPath.Parse("$.store.book"), w)));
        Assert.Null(NullableStr(w => JsonFunctions.ExtractScalar(json, JsonPath.Parse("$.n"), w)));
        Assert.Null(NullableStr(w => JsonFunctions.ExtractScalar(json, JsonPath.Parse("$.missing"), w)));
        Assert.Equal("{\"title\":\"B\",\"price\":12}", NullableStr(w => JsonFunctions.Extract(json, JsonPath.Parse("$.store.book[1]"), w)));
        Assert.Equal("[\"A \\\"quoted\\\" title\",\"B\"]", NullableStr(w => JsonFunctions.Extract(json, JsonPath.Parse("$.store.book[*].title"), w)));
        Assert.Null(NullableStr(w => JsonFunctions.Extract(U("{not json"), JsonPath.Parse("$.a"), w)));
        Assert.Equal(2, JsonFunctions.ArrayLength(U("[1, [2, 3]]")));
        Assert.Null(JsonFunctions.ArrayLength(U("{}")));
        Assert.True(JsonFunctions.ArrayContainsString(U("[\"a\", 1]"), U("a")));
        Assert.False(JsonFunctions.ArrayContainsInt64(U("[\"1\", 2.5]"), 1));
    }

    [Fact]
    public void Calendar_math_round_trips_and_iso_weeks()
    {
        for (var days = -800_000; days < 800_000; days += 997)
        {
            var (y, m, d) = CivilTime.CivilFromDays(days);
            Assert.Equal(days, CivilTime.DaysFromCivil(y, m, d));
            if (days + 719162 is >= 0 and < 3652059)
            {
                var date = DateOnly.FromDayNumber(days + 719162);
                Assert.Equal((date.Year, date.Month, date.Day), (y, m, d));
            }
        }

        Assert.Equal((2020, 53), CivilTime.IsoWeek(CivilTime.DaysFromCivil(2021, 1, 3)));
        Assert.Equal((2025, 1), CivilTime.IsoWeek(CivilTime.DaysFromCivil(2024, 12, 30)));
    }

    [Fact]
    public void Time_zone_gaps_and_overlaps_follow_joda()
    {
        var ny = SqlTimeZone.Get("America/New_York");
        var local = CivilTime.ToMicros(CivilTime.DaysFromCivil(2024, 3, 10), (2 * 60 + 30) * CivilTime.MicrosPerMinute);
        Assert.Equal(CivilTime.ToMicros(CivilTime.DaysFromCivil(2024, 3, 10), (7 * 60 + 30) * CivilTime.MicrosPerMinute), ny.LocalToUtc(local));
        var ambiguous = CivilTime.ToMicros(CivilTime.DaysFromCivil(2024, 11, 3), (1 * 60 + 30) * CivilTime.MicrosPerMinute);
        Assert.Equal(CivilTime.ToMicros(CivilTime.DaysFromCivil(2024, 11, 3), (5 * 60 + 30) * CivilTime.MicrosPerMinute), ny.LocalToUtc(ambiguous));
        Assert.Equal("+05:30", SqlTimeZone.Get("+0530").Id);
    }
}
