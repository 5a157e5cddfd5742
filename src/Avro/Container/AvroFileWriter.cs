using System.Buffers;
using System.Security.Cryptography;
using System.Text;

using Lakehouse.Avro.Binary;
using Lakehouse.Avro.Generic;
using Lakehouse.Avro.Schema;

namespace Lakehouse.Avro.Container;

/// <summary>
/// Writes an Avro object container file: header (magic, <c>avro.schema</c>, <c>avro.codec</c>, extra
/// metadata, sync marker), then blocks of objects, compressed with the chosen codec and each followed by
/// the sync marker. Objects are encoded into an in-memory block; the stream sees whole blocks only.
/// Dispose (or <see cref="FinishAsync"/>) writes the last block.
/// </summary>
public sealed class AvroFileWriter : IDisposable, IAsyncDisposable
{
    private readonly Stream _output;
    private readonly AvroFileWriterOptions _options;
    private readonly GenericDatumWriter _datumWriter;
    private readonly byte[] _sync;
    private readonly ArrayBufferWriter<byte> _block = new(4096);
    private readonly ArrayBufferWriter<byte> _pending = new(4096);
    private long _blockCount;
    private bool _disposed;

    public AvroFileWriter(Stream output, AvroSchema schema, AvroFileWriterOptions? options = null)
    {
        _output = output;
        _options = options ?? AvroFileWriterOptions.Default;
        if (_options.BlockSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "block size must be positive");
        }

        Schema = schema;
        _datumWriter = new GenericDatumWriter(schema);
        _sync = _options.SyncMarker?.ToArray() ?? RandomNumberGenerator.GetBytes(AvroContainer.SyncLength);
        if (_sync.Length != AvroContainer.SyncLength)
        {
            throw new ArgumentException("the sync marker must have 16 bytes", nameof(options));
        }

        WriteHeader();
    }

    public AvroSchema Schema { get; }

    /// <summary>Objects appended so far.</summary>
    public long Count { get; private set; }

    /// <summary>Bytes handed to the stream so far (header and complete blocks).</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Appends one generic value of <see cref="Schema"/>; a full block is written to the stream.</summary>
    public void Append(object? value)
    {
        Encode(value);
        if (Added())
        {
            WriteBlock();
            FlushPending();
        }
    }

    /// <summary>Appends one generic value; a full block is written to the stream asynchronously.</summary>
    public async ValueTask AppendAsync(object? value, CancellationToken cancellationToken = default)
    {
        Encode(value);
        if (Added())
        {
            WriteBlock();
            await FlushPendingAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Appends one object already in Avro binary encoding (from a custom encoder).</summary>
    public void AppendEncoded(ReadOnlySpan<byte> encodedValue)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _block.Write(encodedValue);
        if (Added())
        {
            WriteBlock();
            FlushPending();
        }
    }

    private void Encode(object? value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var before = _block.WrittenCount;
        try
        {
            _datumWriter.Write(new AvroEncoder(_block), value);
        }
        catch
        {
            // Drop the partial encoding so the block stays valid.
            var keep = _block.WrittenSpan[..before].ToArray();
            _block.ResetWrittenCount();
            _block.Write(keep);
            throw;
        }
    }

    /// <summary>Writes the pending block (if any) to the stream.</summary>
    public void Flush()
    {
        WriteBlock();
        FlushPending();
        _output.Flush();
    }

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        WriteBlock();
        await FlushPendingAsync(cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the last block and flushes, without closing the stream.</summary>
    public Task FinishAsync(CancellationToken cancellationToken = default) => FlushAsync(cancellationToken);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Flush();
        _disposed = true;
        if (!_options.LeaveOpen)
        {
            _output.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await FlushAsync().ConfigureAwait(false);
        _disposed = true;
        if (!_options.LeaveOpen)
        {
            await _output.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Counts the appended object; true when the block is full.</summary>
    private bool Added()
    {
        _blockCount++;
        Count++;
        return _block.WrittenCount >= _options.BlockSize;
    }

    private void WriteHeader()
    {
        var e = new AvroEncoder(_pending);
        e.WriteFixed(AvroContainer.Magic);
        var entries = new List<KeyValuePair<string, byte[]>>
        {
            new(AvroContainer.SchemaKey, Encoding.UTF8.GetBytes(Schema.ToJson())),
            new(AvroContainer.CodecKey, Encoding.UTF8.GetBytes(AvroContainer.CodecName(_options.Codec))),
        };
        foreach (var (k, v) in _options.Metadata)
        {
            entries.Add(new(k, Encoding.UTF8.GetBytes(v)));
        }

        foreach (var (k, v) in _options.BinaryMetadata)
        {
            entries.Add(new(k, v));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, _) in entries)
        {
            if (!keys.Add(k))
            {
                throw new ArgumentException($"metadata key {k} given twice", nameof(_options));
            }
        }

        e.WriteBlockCount(entries.Count);
        foreach (var (k, v) in entries)
        {
            e.WriteString(k);
            e.WriteBytes(v);
        }

        e.WriteBlockEnd();
        e.WriteFixed(_sync);
    }

    private void WriteBlock()
    {
        if (_blockCount == 0)
        {
            return;
        }

        var compressed = new ArrayBufferWriter<byte>(_block.WrittenCount + 64);
        BlockCodec.Compress(_options.Codec, _block.WrittenSpan, compressed, _options.CompressionLevel);
        var e = new AvroEncoder(_pending);
        e.WriteLong(_blockCount);
        e.WriteLong(compressed.WrittenCount);
        e.WriteFixed(compressed.WrittenSpan);
        e.WriteFixed(_sync);
        _block.ResetWrittenCount();
        _blockCount = 0;
    }

    private void FlushPending()
    {
        if (_pending.WrittenCount > 0)
        {
            _output.Write(_pending.WrittenSpan);
            BytesWritten += _pending.WrittenCount;
            _pending.ResetWrittenCount();
        }
    }

    private async Task FlushPendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.WrittenCount > 0)
        {
            await _output.WriteAsync(_pending.WrittenMemory, cancellationToken).ConfigureAwait(false);
            BytesWritten += _pending.WrittenCount;
            _pending.ResetWrittenCount();
        }
    }
}
