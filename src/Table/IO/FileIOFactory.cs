using Lakehouse.Table.IO.S3;

namespace Lakehouse.Table.IO;

/// <summary>
/// Picks the storage for a location: <see cref="LocalFileIO"/> for paths and <c>file:</c> URIs, <see cref="S3FileIO"/>
/// for <c>s3://</c> (configured by <see cref="S3Options.FromProperties"/>: the given properties, then the environment).
/// </summary>
public static class FileIOFactory
{
    public static IFileIO ForLocation(string location, IReadOnlyDictionary<string, string>? properties = null)
    {
        if (S3Location.IsS3(location))
        {
            return new S3FileIO(S3Options.FromProperties(properties));
        }

        if (location.Contains("://", StringComparison.Ordinal) && !location.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            throw IcebergException.NotSupported($"storage scheme of {location} (local paths, file: and s3:// are supported)");
        }

        return LocalFileIO.Instance;
    }
}
