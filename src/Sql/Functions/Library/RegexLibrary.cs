using Lakehouse.Sql.Functions.RegularExpressions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>regexp_like, regexp_extract, regexp_extract_all, regexp_replace, regexp_count, regexp_split.</summary>
internal static class RegexLibrary
{
    private static readonly SqlType V = SqlType.Varchar;
    private static readonly SqlType B = SqlType.BigInt;
    private static readonly CompiledCache<SqlRegex> s_patterns = new(SqlRegex.Get);

    public static void Register(FunctionRegistry registry)
    {
        registry.Register(new LibraryScalarFunction("regexp_like", "whether the pattern matches anywhere in the string")
            .Add([V, V], SqlType.Boolean, static (a, n, _, t) => Rows.Booleans(t, a, n, static (a, r, out v) =>
            {
                v = s_patterns.Get(Arg.Bytes(a[1], r)).IsMatch(Arg.Bytes(a[0], r));
                return true;
            })));
        registry.Register(new LibraryScalarFunction("regexp_count", "number of matches")
            .Add([V, V], B, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) =>
            {
                v = s_patterns.Get(Arg.Bytes(a[1], r)).Count(Arg.Bytes(a[0], r));
                return true;
            })));
        registry.Register(new LibraryScalarFunction("regexp_extract", "the first match (or a capturing group of it); null when there is none")
            .Add([V, V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => s_patterns.Get(Arg.Bytes(a[1], r)).Extract(Arg.Bytes(a[0], r), 0, w)))
            .Add([V, V, B], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => s_patterns.Get(Arg.Bytes(a[1], r)).Extract(Arg.Bytes(a[0], r), Arg.Int64(a[2], r), w))));
        var arrayOfVarchar = SqlType.Array(V);
        registry.Register(new LibraryScalarFunction("regexp_extract_all", "every match (or a capturing group of each)")
            .Add([V, V], arrayOfVarchar, static (a, n, _, t) => Rows.Utf8Lists(t, a, n, static (a, r, e) => s_patterns.Get(Arg.Bytes(a[1], r)).ExtractAll(Arg.Bytes(a[0], r), 0, e)))
            .Add([V, V, B], arrayOfVarchar, static (a, n, _, t) => Rows.Utf8Lists(t, a, n, static (a, r, e) => s_patterns.Get(Arg.Bytes(a[1], r)).ExtractAll(Arg.Bytes(a[0], r), Arg.Int64(a[2], r), e))));
        registry.Register(new LibraryScalarFunction("regexp_split", "splits the string at every match")
            .Add([V, V], arrayOfVarchar, static (a, n, _, t) => Rows.Utf8Lists(t, a, n, static (a, r, e) => s_patterns.Get(Arg.Bytes(a[1], r)).Split(Arg.Bytes(a[0], r), e))));
        registry.Register(new LibraryScalarFunction("regexp_replace", "replaces every match; $n and ${name} refer to groups")
            .Add([V, V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) =>
            {
                s_patterns.Get(Arg.Bytes(a[1], r)).Replace(Arg.Bytes(a[0], r), string.Empty, w);
                return true;
            }))
            .Add([V, V, V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) =>
            {
                var regex = s_patterns.Get(Arg.Bytes(a[1], r));
                regex.Replace(Arg.Bytes(a[0], r), regex.TranslateReplacement(Arg.Text(a[2], r)), w);
                return true;
            })));
    }
}
