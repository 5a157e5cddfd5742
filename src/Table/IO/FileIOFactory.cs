namespace Lakehouse.Table.IO;

/// <summary>Picks the storage for a location: <see cref="LocalFileIO"/> for paths and <c>file:</c> URIs.</summary>
public static class FileIOFactory
{
    public static IFileIO ForLocation(string location)
    {
        if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("s3a://", StringComparison.OrdinalIgnoreCase))
        {
            throw IcebergException.NotSupported($"S3 storage ({location})");
        }

        if (location.Contains("://", StringComparison.Ordinal) && !location.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            throw IcebergException.NotSupported($"storage scheme of {location}");
        }

        return LocalFileIO.Instance;
    }
}
