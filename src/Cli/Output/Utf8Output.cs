using System.Runtime.CompilerServices;
using System.Text;

namespace Lakehouse.Cli.Output;

/// <summary>
/// A growable UTF-8 byte buffer that writers format into and flush to a <see cref="Stream"/> or
/// <see cref="TextWriter"/> at row boundaries (never in the middle of a value, so bytes already written for
/// the current row can be inspected and rewritten). Without a target it is a plain in-memory builder.
/// </summary>
public sealed class Utf8Output : IDisposable
{
    private const int DefaultCapacity = 64 * 1024;
    private readonly Stream? _stream;
    private readonly TextWriter? _text;
    private readonly int _flushThreshold;
    private byte[] _buffer;
    private char[]? _chars;
    private int _position;

    public Utf8Output(Stream stream, int capacity = DefaultCapacity)
        : this(capacity)
    {
        _stream = stream;
    }

    public Utf8Output(TextWriter writer, int capacity = DefaultCapacity)
        : this(capacity)
    {
        _text = writer;
    }

    /// <summary>An in-memory builder without a target.</summary>
    public Utf8Output(int capacity = 256)
    {
        _buffer = new byte[Math.Max(capacity, 16)];
        _flushThreshold = _buffer.Length * 3 / 4;
    }

    /// <summary>Bytes currently held (written since the last flush).</summary>
    public int Position => _position;

    /// <summary>The bytes held, from <paramref name="start"/> to the current position.</summary>
    public Span<byte> Written(int start = 0) => _buffer.AsSpan(start, _position - start);

    /// <summary><paramref name="length"/> held bytes from <paramref name="start"/>.</summary>
    public Span<byte> Written(int start, int length) => _buffer.AsSpan(start, length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> GetSpan(int sizeHint)
    {
        if (_buffer.Length - _position < sizeHint)
        {
            Grow(sizeHint);
        }

        return _buffer.AsSpan(_position);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(int count) => _position += count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte value)
    {
        if (_position == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_position++] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - _position < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (for names and messages, not values).</summary>
    public void Write(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var n = Encoding.UTF8.GetBytes(text, GetSpan(max));
        Advance(n);
    }

    /// <summary>Drops everything after <paramref name="position"/>.</summary>
    public void Truncate(int position)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, _position);
        _position = position;
    }

    /// <summary>Flushes to the target when the buffer is mostly full; call between rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void FlushIfFull()
    {
        if (_position >= _flushThreshold)
        {
            Flush();
        }
    }

    /// <summary>Hands every held byte to the target (and flushes the target).</summary>
    public void Flush()
    {
        if (_stream is not null)
        {
            _stream.Write(_buffer, 0, _position);
            _stream.Flush();
        }
        else if (_text is not null)
        {
            var max = Encoding.UTF8.GetMaxCharCount(_position);
            if (_chars is null || _chars.Length < max)
            {
                _chars = new char[max];
            }

            var n = Encoding.UTF8.GetChars(_buffer, 0, _position, _chars, 0);
            _text.Write(_chars, 0, n);
            _text.Flush();
        }
        else
        {
            return;
        }

        _position = 0;
    }

    /// <summary>The held bytes decoded as UTF-8 (for in-memory builders and tests).</summary>
    public override string ToString() => Encoding.UTF8.GetString(_buffer, 0, _position);

    public void Dispose() => Flush();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int sizeHint)
    {
        var needed = (long)_position + sizeHint;
        var size = Math.Max(needed, (long)_buffer.Length * 2);
        if (size > Array.MaxLength)
        {
            size = needed <= Array.MaxLength ? Array.MaxLength : throw new OutOfMemoryException("a single output row exceeds 2 GB");
        }

        var next = new byte[size];
        _buffer.AsSpan(0, _position).CopyTo(next);
        _buffer = next;
    }
}
