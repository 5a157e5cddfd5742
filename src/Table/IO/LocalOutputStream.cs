namespace Lakehouse.Table.IO;

/// <summary>The stream of a <see cref="LocalOutputFile"/>: writes a temporary file and publishes it on dispose.</summary>
internal sealed class LocalOutputStream : Stream
{
    private readonly FileStream _inner;
    private readonly string _temporary;
    private readonly string _target;
    private readonly bool _overwrite;
    private readonly LocalOutputFile _file;
    private bool _completed;

    public LocalOutputStream(FileStream inner, string temporary, string target, bool overwrite, LocalOutputFile file)
    {
        _inner = inner;
        _temporary = temporary;
        _target = target;
        _overwrite = overwrite;
        _file = file;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => throw new NotSupportedException();
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _inner.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _inner.WriteAsync(buffer, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Complete();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            await _inner.FlushAsync().ConfigureAwait(false);
        }

        Complete();
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        try
        {
            _inner.Flush(flushToDisk: true);
            _inner.Dispose();
            File.Move(_temporary, _target, _overwrite);
        }
        catch (IOException) when (!_overwrite && File.Exists(_target))
        {
            File.Delete(_temporary);
            throw _file.AlreadyExists();
        }
        catch
        {
            File.Delete(_temporary);
            throw;
        }

        DirectorySync.Defer(Path.GetDirectoryName(Path.GetFullPath(_target))!);
    }
}
