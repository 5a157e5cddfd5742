namespace Lakehouse.Arrow.Ipc;

/// <summary>Arrow IPC metadata versions (Schema.fbs MetadataVersion). We read V4 and V5 and write V5.</summary>
public enum MetadataVersion : short
{
    V1 = 0,
    V2 = 1,
    V3 = 2,
    V4 = 3,
    V5 = 4,
}
