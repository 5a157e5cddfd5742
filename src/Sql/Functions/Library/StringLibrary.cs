using Lakehouse.Sql.Functions.Strings;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>String functions on varchar (UTF-8, code-point semantics as Trino). lower is the engine core's.</summary>
internal static class StringLibrary
{
    private static readonly SqlType V = SqlType.Varchar;
    private static readonly SqlType B = SqlType.BigInt;

    public static void Register(FunctionRegistry registry)
    {
        registry.Register(new LibraryScalarFunction("length", "number of code points (bytes for varbinary)")
            .Add([V], B, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = Utf8Text.CodePointCount(Arg.Bytes(a[0], r)); return true; }))
            .Add([SqlType.Varbinary], B, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = Arg.Bytes(a[0], r).Length; return true; })));
        registry.Register(new LibraryScalarFunction("lower", "converts to lower case")
            .Add([V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { Utf8Text.Lower(Arg.Bytes(a[0], r), w); return true; })));
        registry.Register(new LibraryScalarFunction("upper", "converts to upper case")
            .Add([V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { Utf8Text.Upper(Arg.Bytes(a[0], r), w); return true; })));
        foreach (var name in new[] { "substr", "substring" })
        {
            registry.Register(new LibraryScalarFunction(name, "substring from a 1-based code point position (negative counts from the end)")
                .Add([V, B], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) =>
                {
                    var s = Arg.Bytes(a[0], r);
                    w.Write(s[Utf8Text.Substring(s, Arg.Int64(a[1], r))]);
                    return true;
                }))
                .Add([V, B, B], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) =>
                {
                    var s = Arg.Bytes(a[0], r);
                    w.Write(s[Utf8Text.Substring(s, Arg.Int64(a[1], r), Arg.Int64(a[2], r))]);
                    return true;
                })));
        }

        RegisterTrim(registry, "trim", true, true);
        RegisterTrim(registry, "ltrim", true, false);
        RegisterTrim(registry, "rtrim", false, true);

        registry.Register(new LibraryScalarFunction("concat", "concatenation; null if any argument is null")
            .Add(new ScalarOverload([V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) =>
            {
                foreach (var v in a)
                {
                    w.Write(Arg.Bytes(v, r));
                }

                return true;
            }), Variadic: true))
            .Add(new ScalarOverload([SqlType.Varbinary], SqlType.Varbinary, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) =>
            {
                foreach (var v in a)
                {
                    w.Write(Arg.Bytes(v, r));
                }

                return true;
            }), Variadic: true)));
        registry.Register(new LibraryScalarFunction("concat_ws", "concatenation with a separator; null elements are skipped")
            .Add(new ScalarOverload([V, V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) =>
            {
                if (a[0].IsNull(r))
                {
                    return false;
                }

                var first = true;
                for (var i = 1; i < a.Length; i++)
                {
                    if (a[i].IsNull(r))
                    {
                        continue;
                    }

                    if (!first)
                    {
                        w.Write(Arg.Bytes(a[0], r));
                    }

                    w.Write(Arg.Bytes(a[i], r));
                    first = false;
                }

                return true;
            }, propagateNulls: false), Variadic: true, PropagatesNulls: false)));
        registry.Register(new LibraryScalarFunction("replace", "replaces every occurrence (removes it without a replacement)")
            .Add([V, V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { Utf8Text.Replace(Arg.Bytes(a[0], r), Arg.Bytes(a[1], r), default, w); return true; }))
            .Add([V, V, V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { Utf8Text.Replace(Arg.Bytes(a[0], r), Arg.Bytes(a[1], r), Arg.Bytes(a[2], r), w); return true; })));
        registry.Register(new LibraryScalarFunction("reverse", "code points in reverse order")
            .Add([V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { Utf8Text.Reverse(Arg.Bytes(a[0], r), w); return true; })));
        foreach (var name in new[] { "strpos", "position" })
        {
            var f = new LibraryScalarFunction(name, "1-based code point position of a substring, 0 when absent")
                .Add([V, V], B, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = Utf8Text.Strpos(Arg.Bytes(a[0], r), Arg.Bytes(a[1], r)); return true; }));
            if (name == "strpos")
            {
                f.Add([V, V, B], B, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = Utf8Text.Strpos(Arg.Bytes(a[0], r), Arg.Bytes(a[1], r), Arg.Int64(a[2], r)); return true; }));
            }

            registry.Register(f);
        }

        registry.Register(new LibraryScalarFunction("starts_with", "whether the string starts with the prefix")
            .Add([V, V], SqlType.Boolean, static (a, n, _, t) => Rows.Booleans(t, a, n, static (a, r, out v) => { v = Arg.Bytes(a[0], r).StartsWith(Arg.Bytes(a[1], r)); return true; })));
        registry.Register(new LibraryScalarFunction("ends_with", "whether the string ends with the suffix")
            .Add([V, V], SqlType.Boolean, static (a, n, _, t) => Rows.Booleans(t, a, n, static (a, r, out v) => { v = Arg.Bytes(a[0], r).EndsWith(Arg.Bytes(a[1], r)); return true; })));
        registry.Register(new LibraryScalarFunction("lpad", "left-pads to a length in code points (truncates longer strings)")
            .Add([V, B, V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { Utf8Text.Pad(Arg.Bytes(a[0], r), Arg.Int64(a[1], r), Arg.Bytes(a[2], r), left: true, w); return true; })));
        registry.Register(new LibraryScalarFunction("rpad", "right-pads to a length in code points (truncates longer strings)")
            .Add([V, B, V], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { Utf8Text.Pad(Arg.Bytes(a[0], r), Arg.Int64(a[1], r), Arg.Bytes(a[2], r), left: false, w); return true; })));
        var arrayOfVarchar = SqlType.Array(V);
        registry.Register(new LibraryScalarFunction("split", "splits on a delimiter into array(varchar); with a limit the last element holds the rest")
            .Add([V, V], arrayOfVarchar, static (a, n, _, t) => Rows.Utf8Lists(t, a, n, static (a, r, e) => Utf8Text.Split(Arg.Bytes(a[0], r), Arg.Bytes(a[1], r), int.MaxValue, e)))
            .Add([V, V, B], arrayOfVarchar, static (a, n, _, t) => Rows.Utf8Lists(t, a, n, static (a, r, e) => Utf8Text.Split(Arg.Bytes(a[0], r), Arg.Bytes(a[1], r), Arg.Int64(a[2], r), e))));
        registry.Register(new LibraryScalarFunction("split_part", "the index-th (1-based) field after splitting; null past the last field")
            .Add([V, V, B], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) =>
            {
                var index = Arg.Int64(a[2], r);
                if (index <= 0)
                {
                    throw FunctionErrors.InvalidArgument("Index must be greater than zero");
                }

                var s = Arg.Bytes(a[0], r);
                var d = Arg.Bytes(a[1], r);
                if (d.IsEmpty)
                {
                    if (index == 1)
                    {
                        w.Write(s);
                        return true;
                    }

                    return false;
                }

                for (var i = 1; i < index; i++)
                {
                    var at = s.IndexOf(d);
                    if (at < 0)
                    {
                        return false;
                    }

                    s = s[(at + d.Length)..];
                }

                var end = s.IndexOf(d);
                w.Write(end < 0 ? s : s[..end]);
                return true;
            })));
        registry.Register(new LibraryScalarFunction("chr", "the character of a code point")
            .Add([B], V, static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) =>
            {
                var cp = Arg.Int64(a[0], r);
                if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                {
                    throw FunctionErrors.InvalidArgument("Not a valid Unicode code point: " + cp);
                }

                w.Advance(new System.Text.Rune((int)cp).EncodeToUtf8(w.GetSpan(4)));
                return true;
            })));
        registry.Register(new LibraryScalarFunction("codepoint", "the code point of a one-character string")
            .Add([V], SqlType.Integer, static (a, n, _, t) => Rows.Values<int>(t, a, n, static (a, r, out v) =>
            {
                var s = Arg.Bytes(a[0], r);
                if (Utf8Text.CodePointCount(s) != 1)
                {
                    throw FunctionErrors.InvalidArgument("Input string must be a single character string");
                }

                Utf8Text.DecodeAt(s, 0, out v);
                return true;
            })));
    }

    private static void RegisterTrim(FunctionRegistry registry, string name, bool leading, bool trailing)
    {
        ScalarKernel one = leading && trailing
            ? static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { var s = Arg.Bytes(a[0], r); w.Write(s[Utf8Text.Trim(s, true, true)]); return true; })
            : leading
                ? static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { var s = Arg.Bytes(a[0], r); w.Write(s[Utf8Text.Trim(s, true, false)]); return true; })
                : static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { var s = Arg.Bytes(a[0], r); w.Write(s[Utf8Text.Trim(s, false, true)]); return true; });
        ScalarKernel two = leading && trailing
            ? static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { var s = Arg.Bytes(a[0], r); w.Write(s[Utf8Text.Trim(s, Arg.Bytes(a[1], r), true, true)]); return true; })
            : leading
                ? static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { var s = Arg.Bytes(a[0], r); w.Write(s[Utf8Text.Trim(s, Arg.Bytes(a[1], r), true, false)]); return true; })
                : static (a, n, _, t) => Rows.Utf8(t, a, n, static (a, r, w) => { var s = Arg.Bytes(a[0], r); w.Write(s[Utf8Text.Trim(s, Arg.Bytes(a[1], r), false, true)]); return true; });
        registry.Register(new LibraryScalarFunction(name, "removes whitespace (or the given characters) from the " + (leading && trailing ? "both ends" : leading ? "start" : "end"))
            .Add([V], V, one)
            .Add([V, V], V, two));
    }
}
