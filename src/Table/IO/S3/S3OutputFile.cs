using System.Net;
using Amazon.S3;

namespace Lakehouse.Table.IO.S3;

/// <summary>An S3 object to write (see <see cref="S3FileIO"/> and <see cref="S3OutputStream"/>).</summary>
internal sealed class S3OutputFile : IOutputFile
{
    private readonly S3FileIO _io;
    private readonly S3Location _parsed;

    public S3OutputFile(S3FileIO io, string location, S3Location parsed)
    {
        _io = io;
        Location = location;
        _parsed = parsed;
    }

    public string Location { get; }

    public async Task<Stream> CreateAsync(bool overwrite = false, CancellationToken cancellationToken = default)
    {
        if (!overwrite && await ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            throw AlreadyExists(null);
        }

        return new S3OutputStream(_io, this, _parsed, overwrite);
    }

    internal async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _io.Client.GetObjectMetadataAsync(_parsed.Bucket, _parsed.Key, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    internal IcebergException AlreadyExists(Exception? inner) => new(IcebergErrorKind.AlreadyExists, $"file already exists: {Location}", inner);
}
