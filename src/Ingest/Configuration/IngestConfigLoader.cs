using System.Globalization;
using Lakehouse.Ingest.Batching;
using Lakehouse.Ingest.Decoding;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lakehouse.Ingest.Configuration;

/// <summary>
/// Loads and validates an ingest configuration from YAML (spec/ingest.md, "Configuration"). Every problem is
/// reported with file, line, column and key (<c>ingest.yaml:12:11: target.columns[2].type: unknown type
/// 'lng'</c>); all problems found are reported together, before anything starts. <c>${NAME}</c> in any
/// scalar is replaced by the environment variable (<c>${NAME:-default}</c> when unset), so secrets stay out
/// of the file.
/// </summary>
public sealed partial class IngestConfigLoader
{
    private static readonly string[] s_topKeys = ["source", "catalog", "target", "dead_letter", "commit", "status"];
    private static readonly string[] s_sourceKeys = ["brokers", "topics", "group", "auto_offset_reset", "properties", "mock_partitions"];
    private static readonly string[] s_catalogKeys = ["warehouse", "uri"];
    private static readonly string[] s_targetKeys = ["table", "mode", "columns", "partition_by", "schema_evolution", "max_message_bytes"];
    private static readonly string[] s_deadLetterKeys = ["table", "max_raw_bytes"];
    private static readonly string[] s_commitKeys = ["interval", "rows", "bytes"];
    private static readonly string[] s_statusKeys = ["file"];

    private readonly string _file;
    private readonly Func<string, string?> _environment;
    private readonly List<string> _problems = [];

    private IngestConfigLoader(string file, Func<string, string?> environment)
    {
        _file = file;
        _environment = environment;
    }

    /// <summary>Loads <paramref name="path"/>; relative warehouse and status paths resolve against the file's folder.</summary>
    public static IngestConfig LoadFile(string path, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IngestConfigException($"{path}: cannot read the configuration: {e.Message}");
        }

        var config = Load(text, path, environment);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return config with
        {
            Catalog = config.Catalog with { Warehouse = ResolveLocal(folder, config.Catalog.Warehouse) },
            StatusFile = ResolveLocal(folder, config.StatusFile),
        };
    }

    /// <summary>Parses YAML text; <paramref name="file"/> names it in messages.</summary>
    public static IngestConfig Load(string yaml, string file = "<config>", Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var loader = new IngestConfigLoader(file, environment ?? Environment.GetEnvironmentVariable);
        return loader.Parse(yaml);
    }

    private static string ResolveLocal(string folder, string path) =>
        path.Contains("://", StringComparison.Ordinal) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(folder, path));

    private IngestConfig Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new IngestConfigException([$"{_file}:{e.Start.Line}:{e.Start.Column}: invalid YAML: {e.InnerException?.Message ?? e.Message}"]);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new IngestConfigException([$"{_file}:1:1: the configuration must be one YAML mapping with the sections {string.Join(", ", s_topKeys)}"]);
        }

        CheckKeys(root, string.Empty, s_topKeys);
        var source = ParseSource(Section(root, "source", required: true));
        var catalog = ParseCatalog(Section(root, "catalog", required: false));
        var target = ParseTarget(Section(root, "target", required: true));
        var deadLetterNode = Section(root, "dead_letter", required: false);
        var deadLetterTable = OptionalString(deadLetterNode, "dead_letter", "table") ?? (target.Table.Length > 0 ? target.Table + "_dead_letters" : string.Empty);
        if (Value(deadLetterNode, "table") is not null && !IsTableIdentifier(deadLetterTable))
        {
            Problem(Value(deadLetterNode, "table") ?? (YamlNode)root, "dead_letter.table", $"'{deadLetterTable}' is not a table identifier (namespace.name)");
        }

        if (string.Equals(deadLetterTable, target.Table, StringComparison.Ordinal) && deadLetterTable.Length > 0)
        {
            Problem(Value(deadLetterNode, "table") ?? (YamlNode)root, "dead_letter.table", "the dead-letter table must differ from the target table");
        }

        var maxRaw = OptionalSize(deadLetterNode, "dead_letter", "max_raw_bytes", JsonMappingOptions.DefaultMaxDeadLetterBytes, 0, int.MaxValue);
        target = target with { Mapping = target.Mapping with { MaxDeadLetterBytes = (int)maxRaw } };
        var commit = ParseCommit(Section(root, "commit", required: false));
        var statusNode = Section(root, "status", required: false);
        CheckKeys(statusNode, "status", s_statusKeys);
        var statusFile = OptionalString(statusNode, "status", "file") ?? SafeFileName(source.Group) + ".ingest-status.json";
        if (_problems.Count > 0)
        {
            throw new IngestConfigException(_problems);
        }

        return new IngestConfig
        {
            SourceFile = _file,
            Source = source,
            Catalog = catalog,
            Target = target,
            DeadLetterTable = deadLetterTable,
            Commit = commit,
            StatusFile = statusFile,
        };
    }

    private static string SafeFileName(string group)
    {
        var chars = group.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] is not '-' and not '_' and not '.')
            {
                chars[i] = '_';
            }
        }

        return chars.Length == 0 ? "ingest" : new string(chars);
    }

    private SourceConfig ParseSource(YamlMappingNode? node)
    {
        if (node is null)
        {
            return new SourceConfig();
        }

        CheckKeys(node, "source", s_sourceKeys);
        var brokers = OptionalString(node, "source", "brokers");
        if (brokers is not null && brokers.Trim().Length == 0)
        {
            brokers = null;
        }

        var topics = new List<string>();
        var topicsNode = Value(node, "topics");
        if (topicsNode is null)
        {
            Problem(node, "source.topics", "required: the topics to consume (a list)");
        }
        else if (topicsNode is YamlScalarNode single)
        {
            topics.Add(Expand(single, "source.topics"));
        }
        else if (topicsNode is YamlSequenceNode list)
        {
            for (var i = 0; i < list.Children.Count; i++)
            {
                if (list.Children[i] is YamlScalarNode s && Expand(s, $"source.topics[{i}]") is { Length: > 0 } t)
                {
                    topics.Add(t);
                }
                else
                {
                    Problem(list.Children[i], $"source.topics[{i}]", "expected a topic name");
                }
            }

            if (list.Children.Count == 0)
            {
                Problem(list, "source.topics", "at least one topic is required");
            }
        }
        else
        {
            Problem(topicsNode, "source.topics", "expected a list of topic names");
        }

        var group = OptionalString(node, "source", "group");
        if (group is null or { Length: 0 })
        {
            Problem(Value(node, "group") ?? node, "source.group", "required: the consumer group id");
        }

        var reset = OptionalString(node, "source", "auto_offset_reset") ?? "earliest";
        if (reset is not "earliest" and not "latest")
        {
            Problem(Value(node, "auto_offset_reset")!, "source.auto_offset_reset", $"'{reset}' is not earliest or latest");
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Value(node, "properties") is { } propsNode)
        {
            if (propsNode is not YamlMappingNode props)
            {
                Problem(propsNode, "source.properties", "expected a mapping of librdkafka property names to values");
            }
            else
            {
                foreach (var (k, v) in props.Children)
                {
                    var name = ((YamlScalarNode)k).Value ?? string.Empty;
                    var key = "source.properties." + name;
                    if (v is not YamlScalarNode scalar)
                    {
                        Problem(v, key, "expected a scalar value");
                        continue;
                    }

                    if (name is "group.id" or "bootstrap.servers" or "enable.auto.commit" or "enable.auto.offset.store")
                    {
                        Problem(k, key, $"set by the pipeline ({(name == "group.id" ? "use source.group" : name == "bootstrap.servers" ? "use source.brokers" : "offsets are committed with the table")})");
                        continue;
                    }

                    properties[name] = Expand(scalar, key);
                }
            }
        }

        var mockPartitions = (int)OptionalInteger(node, "source", "mock_partitions", 3, 1, 10_000);
        return new SourceConfig
        {
            Brokers = brokers,
            Topics = topics,
            Group = group ?? string.Empty,
            AutoOffsetReset = reset,
            Properties = properties,
            MockPartitions = mockPartitions,
        };
    }

    private CatalogConfig ParseCatalog(YamlMappingNode? node)
    {
        CheckKeys(node, "catalog", s_catalogKeys);
        var warehouse = OptionalString(node, "catalog", "warehouse") ?? "./warehouse";
        if (warehouse.Length == 0)
        {
            Problem(Value(node, "warehouse")!, "catalog.warehouse", "must not be empty");
        }

        return new CatalogConfig { Warehouse = warehouse, Uri = OptionalString(node, "catalog", "uri") };
    }

    private CommitPolicy ParseCommit(YamlMappingNode? node)
    {
        CheckKeys(node, "commit", s_commitKeys);
        var interval = CommitPolicy.Default.Interval;
        if (Value(node, "interval") is YamlScalarNode i)
        {
            try
            {
                interval = DurationText.Parse(Expand(i, "commit.interval"));
                if (interval < TimeSpan.FromMilliseconds(10) || interval > TimeSpan.FromHours(1))
                {
                    Problem(i, "commit.interval", "must be from 10ms to 1h");
                }
            }
            catch (FormatException e)
            {
                Problem(i, "commit.interval", e.Message);
            }
        }

        var rows = OptionalInteger(node, "commit", "rows", CommitPolicy.Default.MaxRows, 1, 10_000_000);
        var bytes = OptionalSize(node, "commit", "bytes", CommitPolicy.Default.MaxBytes, 1, 4L << 30);
        return new CommitPolicy { Interval = interval, MaxRows = (int)rows, MaxBytes = bytes };
    }

    private static bool IsTableIdentifier(string text)
    {
        var parts = text.Split('.');
        if (parts.Length < 2)
        {
            return false;
        }

        foreach (var p in parts)
        {
            if (p.Length == 0)
            {
                return false;
            }
        }

        return true;
    }

    private YamlMappingNode? Section(YamlMappingNode root, string name, bool required)
    {
        var node = Value(root, name);
        if (node is null)
        {
            if (required)
            {
                Problem(root, name, "required section is missing");
            }

            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            Problem(node, name, "expected a mapping");
            return null;
        }

        return mapping;
    }

    private static YamlNode? Value(YamlMappingNode? node, string key)
    {
        if (node is null)
        {
            return null;
        }

        foreach (var (k, v) in node.Children)
        {
            if (k is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.Ordinal))
            {
                return v is YamlScalarNode { Value: null or "" or "~" or "null", Style: ScalarStyle.Plain } ? null : v;
            }
        }

        return null;
    }

    private void CheckKeys(YamlMappingNode? node, string section, string[] allowed)
    {
        if (node is null)
        {
            return;
        }

        foreach (var (k, _) in node.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (Array.IndexOf(allowed, name) < 0)
            {
                Problem(k, section.Length == 0 ? name : section + "." + name, $"unknown key (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    private string? OptionalString(YamlMappingNode? node, string section, string key)
    {
        var value = Value(node, key);
        if (value is null)
        {
            return null;
        }

        if (value is not YamlScalarNode scalar)
        {
            Problem(value, section + "." + key, "expected a string");
            return null;
        }

        return Expand(scalar, section + "." + key);
    }

    private bool OptionalBoolean(YamlMappingNode? node, string section, string key, bool fallback)
    {
        if (OptionalString(node, section, key) is not { } text)
        {
            return fallback;
        }

        if (text is "true" or "yes" or "on")
        {
            return true;
        }

        if (text is "false" or "no" or "off")
        {
            return false;
        }

        Problem(Value(node, key)!, section + "." + key, $"'{text}' is not true or false");
        return fallback;
    }

    private long OptionalInteger(YamlMappingNode? node, string section, string key, long fallback, long min, long max)
    {
        if (OptionalString(node, section, key) is not { } text)
        {
            return fallback;
        }

        if (!long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Problem(Value(node, key)!, section + "." + key, $"'{text}' is not an integer from {min} to {max}");
            return fallback;
        }

        return value;
    }

    private long OptionalSize(YamlMappingNode? node, string section, string key, long fallback, long min, long max)
    {
        if (OptionalString(node, section, key) is not { } text)
        {
            return fallback;
        }

        try
        {
            var value = ByteSizeText.Parse(text);
            if (value < min || value > max)
            {
                Problem(Value(node, key)!, section + "." + key, $"{value} bytes is outside {min}..{max}");
                return fallback;
            }

            return value;
        }
        catch (FormatException e)
        {
            Problem(Value(node, key)!, section + "." + key, e.Message);
            return fallback;
        }
    }

    /// <summary>The scalar's text with <c>${NAME}</c> and <c>${NAME:-default}</c> replaced from the environment.</summary>
    private string Expand(YamlScalarNode node, string key)
    {
        var text = node.Value ?? string.Empty;
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            result.Append(text, i, start - i);
            var end = text.IndexOf('}', start);
            if (end < 0)
            {
                Problem(node, key, "unterminated ${...} reference");
                return text;
            }

            var reference = text[(start + 2)..end];
            var fallbackAt = reference.IndexOf(":-", StringComparison.Ordinal);
            var name = fallbackAt < 0 ? reference : reference[..fallbackAt];
            var value = name.Length == 0 ? null : _environment(name);
            if (value is null)
            {
                if (fallbackAt < 0)
                {
                    Problem(node, key, $"environment variable '{name}' is not set (use ${{{name}:-default}} for a default)");
                    value = string.Empty;
                }
                else
                {
                    value = reference[(fallbackAt + 2)..];
                }
            }

            result.Append(value);
            i = end + 1;
        }

        return result.ToString();
    }

    private void Problem(YamlNode node, string key, string message) =>
        _problems.Add($"{_file}:{node.Start.Line}:{node.Start.Column}: {key}: {message}");
}
