namespace Lakehouse.Table.IO.S3;

/// <summary>An object location <c>s3://bucket/key</c> (also <c>s3a://</c> and <c>s3n://</c>, as Hadoop-based engines write).</summary>
public readonly record struct S3Location(string Scheme, string Bucket, string Key)
{
    public static bool IsS3(string location) =>
        location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("s3a://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("s3n://", StringComparison.OrdinalIgnoreCase);

    public static S3Location Parse(string location)
    {
        var separator = location.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0 || !IsS3(location))
        {
            throw IcebergException.Invalid($"not an S3 location (s3://bucket/key): {location}");
        }

        var rest = location[(separator + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0)
        {
            throw IcebergException.Invalid($"S3 location without a bucket: {location}");
        }

        return new S3Location(location[..separator].ToLowerInvariant(), bucket, slash < 0 ? string.Empty : rest[(slash + 1)..]);
    }

    /// <summary>The location of another key in the same bucket, with this location's scheme.</summary>
    public string WithKey(string key) => $"{Scheme}://{Bucket}/{key}";

    public override string ToString() => WithKey(Key);
}
