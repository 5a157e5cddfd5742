using Lakehouse.Arrow;

namespace Lakehouse.Cli.Output;

/// <summary>
/// A schema for people (e.g. <c>lakehouse arrow schema FILE</c>): one line per field,
/// <c>name: type[ not null]</c> in Arrow C++'s type spelling, followed by indented field metadata,
/// then the schema metadata.
/// </summary>
public static class SchemaText
{
    public static void Write(TextWriter writer, Schema schema)
    {
        foreach (var field in schema.Fields)
        {
            writer.WriteLine(field.ToString());
            foreach (var kv in field.Metadata)
            {
                writer.WriteLine($"  -- {Escape(kv.Key)}: {Escape(kv.Value)}");
            }
        }

        if (schema.Metadata.Count > 0)
        {
            writer.WriteLine("-- schema metadata --");
            foreach (var kv in schema.Metadata)
            {
                writer.WriteLine($"{Escape(kv.Key)}: {Escape(kv.Value)}");
            }
        }
    }

    public static string Format(Schema schema)
    {
        var sw = new StringWriter();
        Write(sw, schema);
        return sw.ToString();
    }

    /// <summary>Control characters as escapes and long values cut, so each entry stays one readable line.</summary>
    private static string Escape(string text)
    {
        const int MaxLength = 200;
        var sb = new System.Text.StringBuilder(Math.Min(text.Length, MaxLength + 16));
        foreach (var c in text)
        {
            if (sb.Length >= MaxLength)
            {
                sb.Append($"… ({text.Length} chars)");
                break;
            }

            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append($"\\u{(int)c:x4}");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}
