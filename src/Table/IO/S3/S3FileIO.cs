using System.Net;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Lakehouse.Table.IO.S3;

/// <summary>
/// Files on S3 or an S3-compatible store (AWSSDK.S3). Reads are ranged GETs (a Parquet footer and its column chunks
/// are fetched, not the whole object); writes are one PUT, or a multipart upload from
/// <see cref="S3Options.MultipartThreshold"/> on; listings page through ListObjectsV2.
/// Create-if-absent: a HEAD check, then a PUT with <c>If-None-Match: *</c> (AWS refuses to replace an existing object;
/// stores without conditional writes, and multipart uploads, only have the HEAD check, which a concurrent writer
/// can race). Table commits do not depend on it: metadata file names are unique and the catalog's compare-and-swap
/// decides which commit wins.
/// </summary>
public sealed class S3FileIO : IFileIO, IDisposable
{
    private readonly bool _ownsClient;

    public S3FileIO(S3Options options)
        : this(CreateClient(options), options, ownsClient: true)
    {
    }

    /// <summary>Over an existing client (the caller keeps ownership unless <paramref name="ownsClient"/>).</summary>
    public S3FileIO(IAmazonS3 client, S3Options options, bool ownsClient = false)
    {
        options.Validate();
        Client = client;
        Options = options;
        _ownsClient = ownsClient;
    }

    public IAmazonS3 Client { get; }

    public S3Options Options { get; }

    public IInputFile NewInputFile(string location) => new S3InputFile(this, location, S3Location.Parse(location));

    public IOutputFile NewOutputFile(string location)
    {
        var parsed = S3Location.Parse(location);
        if (parsed.Key.Length == 0 || parsed.Key.EndsWith('/'))
        {
            throw IcebergException.Invalid($"not a file location: {location}");
        }

        return new S3OutputFile(this, location, parsed);
    }

    public async Task DeleteFileAsync(string location, CancellationToken cancellationToken = default)
    {
        var parsed = S3Location.Parse(location);
        try
        {
            await Client.DeleteObjectAsync(parsed.Bucket, parsed.Key, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Deleting what is not there is not an error (S3 itself answers 204 for missing keys).
        }
    }

    public async IAsyncEnumerable<FileEntry> ListPrefixAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parsed = S3Location.Parse(prefix);
        var request = new ListObjectsV2Request { BucketName = parsed.Bucket, Prefix = parsed.Key, MaxKeys = Options.ListPageSize };
        while (true)
        {
            ListObjectsV2Response response;
            try
            {
                response = await Client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw new IcebergException(IcebergErrorKind.NotFound, $"cannot list {prefix}: {e.Message}", e);
            }

            foreach (var entry in response.S3Objects ?? [])
            {
                yield return new FileEntry(parsed.WithKey(entry.Key), entry.Size, new DateTimeOffset(entry.LastModified.ToUniversalTime(), TimeSpan.Zero));
            }

            if (!response.IsTruncated || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            Client.Dispose();
        }
    }

    /// <summary>An S3 client configured from <paramref name="options"/>.</summary>
    public static AmazonS3Client CreateClient(S3Options options)
    {
        var config = CreateConfig(options);
        return options.AccessKeyId is not null
            ? new AmazonS3Client(
                options.SessionToken is null
                    ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey)
                    : new SessionAWSCredentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken),
                config)
            : new AmazonS3Client(config);
    }

    /// <summary>The client configuration of <paramref name="options"/>: endpoint, path style, region, retries.</summary>
    public static AmazonS3Config CreateConfig(S3Options options)
    {
        options.Validate();
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.PathStyleAccess,
            MaxErrorRetry = options.MaxRetries,
            RetryMode = RequestRetryMode.Standard,
        };
        if (options.Endpoint is not null)
        {
            config.ServiceURL = options.Endpoint;
            config.AuthenticationRegion = options.Region;
            config.UseHttp = options.Endpoint.StartsWith("http:", StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return config;
    }

    internal static IcebergException NotFound(string location, Exception? inner) => new(IcebergErrorKind.NotFound, $"file not found: {location}", inner);
}
