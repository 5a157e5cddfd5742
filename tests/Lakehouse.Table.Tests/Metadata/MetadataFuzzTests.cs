using System.Text;
using Lakehouse.Table.Metadata;
using Xunit;

namespace Lakehouse.Table.Tests.Metadata;

/// <summary>Corrupted metadata never crashes the parser: every failure is an <see cref="IcebergException"/>.</summary>
public sealed class MetadataFuzzTests
{
    private static readonly string[] s_replacements = ["null", "1", "-1", "\"x\"", "[]", "{}", "true", "1e999", "18446744073709551615", "\"decimal(99,1)\"", "\"bucket[0]\""];

    [Fact]
    public void MutatedMetadataFailsCleanly()
    {
        var random = new Random(1234);
        var samples = new[] { SampleMetadata.Create(1), SampleMetadata.Create(2), SampleMetadata.Create(3) }
            .Select(m => TableMetadataWriter.ToJson(m)).ToArray();
        var parsed = 0;
        for (var n = 0; n < 3000; n++)
        {
            var json = samples[n % samples.Length];
            var mutated = Mutate(json, random);
            try
            {
                var m = TableMetadataParser.Parse(mutated, "fuzz.json");
                _ = m.NameMapping;
                _ = TableMetadataWriter.ToJson(m);
                parsed++;
            }
            catch (IcebergException)
            {
            }
        }

        Assert.True(parsed > 100, $"only {parsed} mutations parsed");
    }

    private static string Mutate(string json, Random random)
    {
        var sb = new StringBuilder(json);
        var count = random.Next(1, 3);
        for (var i = 0; i < count; i++)
        {
            var pos = random.Next(sb.Length);
            switch (random.Next(3))
            {
                case 0:
                    // Replace the value after a colon with another JSON value.
                    var colon = json.IndexOf(':', pos);
                    if (colon < 0 || colon + 1 >= sb.Length)
                    {
                        break;
                    }

                    var end = colon + 1;
                    var depth = 0;
                    var inString = false;
                    while (end < sb.Length)
                    {
                        var c = sb[end];
                        if (inString)
                        {
                            inString = c != '"' || sb[end - 1] == '\\';
                        }
                        else if (c == '"')
                        {
                            inString = true;
                        }
                        else if (c is '[' or '{')
                        {
                            depth++;
                        }
                        else if (c is ']' or '}')
                        {
                            if (depth == 0)
                            {
                                break;
                            }

                            depth--;
                        }
                        else if (c == ',' && depth == 0)
                        {
                            break;
                        }

                        end++;
                    }

                    if (end <= sb.Length && colon + 1 <= end)
                    {
                        sb.Remove(colon + 1, end - colon - 1).Insert(colon + 1, s_replacements[random.Next(s_replacements.Length)]);
                    }

                    break;
                case 1:
                    sb.Remove(pos, Math.Min(random.Next(1, 8), sb.Length - pos));
                    break;
                default:
                    sb[pos] = (char)random.Next(32, 127);
                    break;
            }
        }

        return sb.ToString();
    }
}
