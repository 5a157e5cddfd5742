namespace Lakehouse.Table.Manifests;

/// <summary>Content of a file listed in a manifest (data_file.content, field 134).</summary>
public enum FileContent
{
    Data = 0,
    PositionDeletes = 1,
    EqualityDeletes = 2,
}
