using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Lakehouse.Table.IO.S3;

namespace Lakehouse.Table.Tests.IO;

/// <summary>An S3 client that counts uploads, to see whether a file went up in one PUT or in parts.</summary>
internal sealed class CountingS3Client : AmazonS3Client
{
    private int _parts;
    private int _puts;

    public CountingS3Client(S3Options options)
        : base(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), S3FileIO.CreateConfig(options))
    {
    }

    public int PartsUploaded => _parts;

    public int Puts => _puts;

    public override Task<UploadPartResponse> UploadPartAsync(UploadPartRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _parts);
        return base.UploadPartAsync(request, cancellationToken);
    }

    public override Task<PutObjectResponse> PutObjectAsync(PutObjectRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _puts);
        return base.PutObjectAsync(request, cancellationToken);
    }
}
