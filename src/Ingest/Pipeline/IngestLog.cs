using System.Text;
using System.Text.Json;

namespace Lakehouse.Ingest.Pipeline;

/// <summary>
/// Structured logs as JSON lines: <c>{"time":"...","event":"commit","rows":1200,...}</c>, one object per
/// event (start, assigned, commit, retry, fenced, resync, batch_dropped, kafka_error, stop). Payloads are
/// never logged. Thread-safe.
/// </summary>
public sealed class IngestLog
{
    private readonly TextWriter? _writer;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public IngestLog(TextWriter? writer, TimeProvider? time = null)
    {
        _writer = writer;
        _time = time ?? TimeProvider.System;
    }

    public static IngestLog None { get; } = new(null);

    public void Write(string name, params (string Key, object? Value)[] fields)
    {
        if (_writer is null)
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(fields);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("time", _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("event", name);
            foreach (var (key, value) in fields)
            {
                switch (value)
                {
                    case null:
                        json.WriteNull(key);
                        break;
                    case bool b:
                        json.WriteBoolean(key, b);
                        break;
                    case int i:
                        json.WriteNumber(key, i);
                        break;
                    case long l:
                        json.WriteNumber(key, l);
                        break;
                    case double d:
                        json.WriteNumber(key, d);
                        break;
                    default:
                        json.WriteString(key, value.ToString());
                        break;
                }
            }

            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
        lock (_lock)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }
}
