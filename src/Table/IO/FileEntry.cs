namespace Lakehouse.Table.IO;

/// <summary>One listed file: its location (in the same form the listing prefix was given), size and modification time.</summary>
public readonly record struct FileEntry(string Location, long Length, DateTimeOffset LastModified);
