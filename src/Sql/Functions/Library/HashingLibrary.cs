using Lakehouse.Sql.Functions.Hashing;
using Lakehouse.Sql.Functions.Strings;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>md5, sha1, sha256, sha512, xxhash64, crc32, to_hex/from_hex, to_base64/from_base64(url), to_utf8/from_utf8.</summary>
internal static class HashingLibrary
{
    private static readonly SqlType VB = SqlType.Varbinary;
    private static readonly SqlType V = SqlType.Varchar;

    public static void Register(FunctionRegistry registry)
    {
        Binary(registry, "md5", "MD5 digest", static (s, w) => BinaryFunctions.Md5(s, w));
        Binary(registry, "sha1", "SHA-1 digest", static (s, w) => BinaryFunctions.Sha1(s, w));
        Binary(registry, "sha256", "SHA-256 digest", static (s, w) => BinaryFunctions.Sha256(s, w));
        Binary(registry, "sha512", "SHA-512 digest", static (s, w) => BinaryFunctions.Sha512(s, w));
        Binary(registry, "xxhash64", "XXH64 (seed 0) as 8 big-endian bytes", static (s, w) => BinaryFunctions.XxHash64Bytes(s, w));
        Binary(registry, "from_hex", "decodes hexadecimal text", static (s, w) => BinaryFunctions.FromHex(s, w), V);
        Binary(registry, "from_base64", "decodes base64", static (s, w) => BinaryFunctions.FromBase64(s, w), V);
        Binary(registry, "from_base64url", "decodes URL-safe base64", static (s, w) => BinaryFunctions.FromBase64(s, w, url: true), V);
        Binary(registry, "to_utf8", "the UTF-8 bytes of a string", static (s, w) => w.Write(s), V);
        registry.Register(new LibraryScalarFunction("crc32", "CRC-32 as bigint")
            .Add([VB], SqlType.BigInt, static (a, n, _, t) => Rows.Values<long>(t, a, n, static (a, r, out v) => { v = BinaryFunctions.Crc32Of(Arg.Bytes(a[0], r)); return true; })));
        Text(registry, "to_hex", "upper-case hexadecimal", static (s, w) => BinaryFunctions.ToHex(s, w));
        Text(registry, "to_base64", "base64", static (s, w) => BinaryFunctions.ToBase64(s, w));
        Text(registry, "to_base64url", "URL-safe base64", static (s, w) => BinaryFunctions.ToBase64(s, w, url: true));
        Text(registry, "from_utf8", "decodes UTF-8 (invalid sequences become U+FFFD)", static (s, w) =>
        {
            if (System.Text.Unicode.Utf8.IsValid(s))
            {
                w.Write(s);
            }
            else
            {
                var text = System.Text.Encoding.UTF8.GetString(s);
                var span = w.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
                w.Advance(System.Text.Encoding.UTF8.GetBytes(text, span));
            }
        });
    }

    private delegate void BytesToBytes(ReadOnlySpan<byte> input, Utf8ColumnWriter output);

    private static void Binary(FunctionRegistry registry, string name, string description, BytesToBytes f, SqlType? input = null) =>
        registry.Register(new LibraryScalarFunction(name, description)
            .Add([input ?? VB], VB, (a, n, _, t) => Rows.Utf8(t, a, n, (a, r, w) => { f(Arg.Bytes(a[0], r), w); return true; })));

    private static void Text(FunctionRegistry registry, string name, string description, BytesToBytes f) =>
        registry.Register(new LibraryScalarFunction(name, description)
            .Add([VB], V, (a, n, _, t) => Rows.Utf8(t, a, n, (a, r, w) => { f(Arg.Bytes(a[0], r), w); return true; })));
}
