using System.Collections.Concurrent;
using System.Text;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>
/// Compiled forms of pattern arguments (LIKE, regex, JSON paths, date formats) by text: the last one is
/// checked by bytes without allocating (patterns are nearly always constants), others in a bounded map.
/// Thread-safe.
/// </summary>
public sealed class CompiledCache<T>
    where T : class
{
    private const int MaxEntries = 256;

    private readonly Func<string, T> _compile;
    private readonly ConcurrentDictionary<string, T> _entries = new(StringComparer.Ordinal);
    private Entry? _last;

    public CompiledCache(Func<string, T> compile) => _compile = compile;

    public T Get(ReadOnlySpan<byte> key)
    {
        var last = _last;
        if (last is not null && key.SequenceEqual(last.Key))
        {
            return last.Value;
        }

        var text = Encoding.UTF8.GetString(key);
        if (!_entries.TryGetValue(text, out var value))
        {
            value = _compile(text);
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            _entries[text] = value;
        }

        _last = new Entry(key.ToArray(), value);
        return value;
    }

    private sealed record Entry(byte[] Key, T Value);
}
