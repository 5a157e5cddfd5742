using Lakehouse.Sql.Functions.Json;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>JSON functions on varchar or json text.</summary>
internal static class JsonLibrary
{
    private static readonly SqlType V = SqlType.Varchar;
    private static readonly SqlType J = SqlType.Json;
    private static readonly CompiledCache<JsonPath> s_paths = new(JsonPath.Parse);

    public static void Register(FunctionRegistry registry)
    {
        var scalar = new LibraryScalarFunction("json_extract_scalar", "the scalar at a JSONPath as varchar (null for objects, arrays, misses)");
        var extract = new LibraryScalarFunction("json_extract", "the JSON value at a JSONPath");
        var arrayLength = new LibraryScalarFunction("json_array_length", "number of elements of a JSON array");
        var size = new LibraryScalarFunction("json_size", "number of elements of the array or object at a JSONPath (0 for scalars)");
        var contains = new LibraryScalarFunction("json_array_contains", "whether a JSON array contains the value");
        foreach (var input in new[] { J, V })
        {
            scalar.Add([input, V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => JsonFunctions.ExtractScalar(Arg.Bytes(a[0], r), s_paths.Get(Arg.Bytes(a[1], r)), w)));
            extract.Add([input, V], J, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => JsonFunctions.Extract(Arg.Bytes(a[0], r), s_paths.Get(Arg.Bytes(a[1], r)), w)));
            arrayLength.Add([input], SqlType.BigInt, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) =>
            {
                var length = JsonFunctions.ArrayLength(Arg.Bytes(a[0], r));
                v = length ?? 0;
                return length.HasValue;
            }));
            size.Add([input, V], SqlType.BigInt, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) =>
            {
                var length = JsonFunctions.Size(Arg.Bytes(a[0], r), s_paths.Get(Arg.Bytes(a[1], r)));
                v = length ?? 0;
                return length.HasValue;
            }));
            contains.Add([input, SqlType.Boolean], SqlType.Boolean, static (a, n, _, t) => Rows.Booleans(t, a, n, static (a, r, out v) => Found(JsonFunctions.ArrayContainsBoolean(Arg.Bytes(a[0], r), Arg.Boolean(a[1], r)), out v)));
            contains.Add([input, SqlType.BigInt], SqlType.Boolean, static (a, n, _, t) => Rows.Booleans(t, a, n, static (a, r, out v) => Found(JsonFunctions.ArrayContainsInt64(Arg.Bytes(a[0], r), Arg.Int64(a[1], r)), out v)));
            contains.Add([input, SqlType.Double], SqlType.Boolean, static (a, n, _, t) => Rows.Booleans(t, a, n, static (a, r, out v) => Found(JsonFunctions.ArrayContainsDouble(Arg.Bytes(a[0], r), Arg.Double(a[1], r)), out v)));
            contains.Add([input, V], SqlType.Boolean, static (a, n, _, t) => Rows.Booleans(t, a, n, static (a, r, out v) => Found(JsonFunctions.ArrayContainsString(Arg.Bytes(a[0], r), Arg.Bytes(a[1], r)), out v)));
        }

        registry.Register(scalar);
        registry.Register(extract);
        registry.Register(arrayLength);
        registry.Register(size);
        registry.Register(contains);
        registry.Register(new LibraryScalarFunction("json_parse", "parses text as JSON (an error when invalid)")
            .Add([V], J, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { JsonFunctions.Parse(Arg.Bytes(a[0], r), w); return true; })));
        registry.Register(new LibraryScalarFunction("json_format", "the JSON text of a json value")
            .Add([J], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { w.Write(Arg.Bytes(a[0], r)); return true; })));
        registry.Register(new LibraryScalarFunction("is_json_scalar", "whether the JSON value is a scalar")
            .Add([J], SqlType.Boolean, static (a, n, _, t) => Rows.Booleans(t, a, n, static (a, r, out v) =>
            {
                var s = Arg.Bytes(a[0], r).TrimStart(" \t\r\n"u8);
                v = s.Length > 0 && s[0] != '{' && s[0] != '[';
                return true;
            })));
    }

    private static bool Found(bool? result, out bool value)
    {
        value = result ?? false;
        return result.HasValue;
    }
}
