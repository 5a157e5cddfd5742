namespace Lakehouse.Table.Manifests;

/// <summary>manifest_entry.status (field 0).</summary>
public enum ManifestEntryStatus
{
    Existing = 0,
    Added = 1,
    Deleted = 2,
}
