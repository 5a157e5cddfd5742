using System.Globalization;

namespace Lakehouse.Ingest.Kafka;

/// <summary>A topic to create on a mock cluster: <c>name</c> or <c>name:partitions</c>.</summary>
public readonly record struct TopicSpec(string Name, int Partitions)
{
    public const int DefaultPartitions = 3;

    /// <summary>Parses <c>name[:partitions]</c>; throws <see cref="FormatException"/> naming the problem.</summary>
    public static TopicSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.LastIndexOf(':');
        var name = colon < 0 ? text : text[..colon];
        var partitions = DefaultPartitions;
        if (colon >= 0 && (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out partitions) || partitions is < 1 or > 10_000))
        {
            throw new FormatException($"topic '{text}': the partition count after ':' must be an integer from 1 to 10000");
        }

        if (!IsValidName(name))
        {
            throw new FormatException($"topic '{text}': a name is 1 to 249 characters of a-z A-Z 0-9 . _ -");
        }

        return new TopicSpec(name, partitions);
    }

    public static bool IsValidName(string name)
    {
        if (name.Length is 0 or > 249 || name is "." or "..")
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => $"{Name}:{Partitions.ToString(CultureInfo.InvariantCulture)}";
}
