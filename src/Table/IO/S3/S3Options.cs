using System.Globalization;

namespace Lakehouse.Table.IO.S3;

/// <summary>
/// How to reach S3 or an S3-compatible store (MinIO, s3rver). Every setting can come from Iceberg-style properties
/// (<c>s3.endpoint</c>…) or the environment (<see cref="FromEnvironment"/>); contract in spec/configuration.md.
/// </summary>
public sealed record S3Options
{
    /// <summary>Endpoint override, e.g. <c>http://127.0.0.1:9000</c> for MinIO; null for AWS.</summary>
    public string? Endpoint { get; init; }

    /// <summary>AWS region (signing region for other stores).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Path-style requests (<c>http://host/bucket/key</c>), which MinIO and s3rver need.</summary>
    public bool PathStyleAccess { get; init; }

    /// <summary>Static credentials; when null the standard AWS chain is used (environment, profile, instance role).</summary>
    public string? AccessKeyId { get; init; }

    public string? SecretAccessKey { get; init; }

    public string? SessionToken { get; init; }

    /// <summary>Files at least this large are uploaded in parts (multipart upload).</summary>
    public long MultipartThreshold { get; init; } = 32L << 20;

    /// <summary>Size of each uploaded part (S3 requires at least 5 MiB for all but the last).</summary>
    public int MultipartPartSize { get; init; } = 16 << 20;

    /// <summary>Retries of a failed request (throttling, 5xx, lost connections), with the SDK's backoff.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>
    /// Send <c>If-None-Match: *</c> on single-request creates of new files (S3's conditional write: the store
    /// refuses to replace an existing object). Stores that ignore the header still get a HEAD check first.
    /// </summary>
    public bool ConditionalWrites { get; init; } = true;

    /// <summary>
    /// Stream uploads with <c>aws-chunked</c> signing (the SDK's default for AWS); off for stores that do not decode it
    /// (s3rver) — then each request body is signed whole. Default: on for AWS, off with an endpoint override.
    /// </summary>
    public bool? ChunkEncodingOverride { get; init; }

    /// <summary>Whether uploads use <c>aws-chunked</c> encoding (see <see cref="ChunkEncodingOverride"/>).</summary>
    public bool ChunkEncoding => ChunkEncodingOverride ?? Endpoint is null;

    /// <summary>Keys per ListObjectsV2 page (S3 returns at most 1000).</summary>
    public int ListPageSize { get; init; } = 1000;

    /// <summary>Reads from the end of a file fetch at least this many bytes at once (Parquet footers).</summary>
    public int TailPrefetchBytes { get; init; } = 64 << 10;

    /// <summary>
    /// Options from Iceberg-style properties (<c>s3.endpoint</c>, <c>s3.region</c>, <c>s3.path-style-access</c>,
    /// <c>s3.access-key-id</c>, <c>s3.secret-access-key</c>, <c>s3.session-token</c>, <c>s3.multipart.threshold</c>,
    /// <c>s3.multipart.part-size-bytes</c>, <c>s3.max-retries</c>, <c>s3.conditional-writes</c>), falling back to
    /// <see cref="FromEnvironment"/> for each one not given.
    /// </summary>
    public static S3Options FromProperties(IReadOnlyDictionary<string, string>? properties, Func<string, string?>? environment = null)
    {
        var env = FromEnvironment(environment);
        if (properties is null)
        {
            return env;
        }

        string? Get(string key) => properties.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        return env with
        {
            Endpoint = Get("s3.endpoint") ?? env.Endpoint,
            Region = Get("s3.region") ?? Get("client.region") ?? env.Region,
            PathStyleAccess = Get("s3.path-style-access") is { } p ? ParseBool("s3.path-style-access", p) : env.PathStyleAccess || (Get("s3.endpoint") is not null && env.Endpoint is null),
            AccessKeyId = Get("s3.access-key-id") ?? env.AccessKeyId,
            SecretAccessKey = Get("s3.secret-access-key") ?? env.SecretAccessKey,
            SessionToken = Get("s3.session-token") ?? env.SessionToken,
            MultipartThreshold = Get("s3.multipart.threshold") is { } t ? ParseLong("s3.multipart.threshold", t) : env.MultipartThreshold,
            MultipartPartSize = Get("s3.multipart.part-size-bytes") is { } s ? (int)ParseLong("s3.multipart.part-size-bytes", s) : env.MultipartPartSize,
            MaxRetries = Get("s3.max-retries") is { } r ? (int)ParseLong("s3.max-retries", r) : env.MaxRetries,
            ConditionalWrites = Get("s3.conditional-writes") is { } c ? ParseBool("s3.conditional-writes", c) : env.ConditionalWrites,
        };
    }

    /// <summary>
    /// Options from the standard AWS variables (<c>AWS_ENDPOINT_URL_S3</c> or <c>AWS_ENDPOINT_URL</c>, <c>AWS_REGION</c> or
    /// <c>AWS_DEFAULT_REGION</c>, <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>) and
    /// <c>LAKEHOUSE_S3_PATH_STYLE</c> (default: true when an endpoint is set), <c>LAKEHOUSE_S3_MULTIPART_THRESHOLD</c>.
    /// </summary>
    public static S3Options FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? Get(string key) => environment(key) is { Length: > 0 } value ? value : null;
        var endpoint = Get("AWS_ENDPOINT_URL_S3") ?? Get("AWS_ENDPOINT_URL");
        var defaults = new S3Options();
        return new S3Options
        {
            Endpoint = endpoint,
            Region = Get("AWS_REGION") ?? Get("AWS_DEFAULT_REGION") ?? defaults.Region,
            PathStyleAccess = Get("LAKEHOUSE_S3_PATH_STYLE") is { } p ? ParseBool("LAKEHOUSE_S3_PATH_STYLE", p) : endpoint is not null,
            AccessKeyId = Get("AWS_ACCESS_KEY_ID"),
            SecretAccessKey = Get("AWS_SECRET_ACCESS_KEY"),
            SessionToken = Get("AWS_SESSION_TOKEN"),
            MultipartThreshold = Get("LAKEHOUSE_S3_MULTIPART_THRESHOLD") is { } t ? ParseLong("LAKEHOUSE_S3_MULTIPART_THRESHOLD", t) : defaults.MultipartThreshold,
        };
    }

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (MultipartPartSize < 5 << 20)
        {
            throw IcebergException.Invalid($"S3 multipart part size {MultipartPartSize} is below S3's minimum of 5 MiB");
        }

        if (MultipartThreshold < 1 || MaxRetries < 0 || TailPrefetchBytes < 0 || ListPageSize is < 1 or > 1000)
        {
            throw IcebergException.Invalid("S3 options: multipart threshold must be positive, retries and prefetch not negative, list page size 1..1000");
        }

        if (Endpoint is not null && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
        {
            throw IcebergException.Invalid($"S3 endpoint is not an absolute URL: {Endpoint}");
        }

        if ((AccessKeyId is null) != (SecretAccessKey is null))
        {
            throw IcebergException.Invalid("S3 credentials need both an access key id and a secret access key");
        }
    }

    private static bool ParseBool(string key, string value) =>
        bool.TryParse(value, out var b) ? b : value switch
        {
            "1" => true,
            "0" => false,
            _ => throw IcebergException.Invalid($"{key}: expected true or false, got '{value}'"),
        };

    private static long ParseLong(string key, string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw IcebergException.Invalid($"{key}: expected a whole number, got '{value}'");

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"S3Options {{ Endpoint = {Endpoint ?? "(AWS)"}, Region = {Region}, PathStyleAccess = {PathStyleAccess}, AccessKeyId = {AccessKeyId ?? "(default chain)"} }}";
}
