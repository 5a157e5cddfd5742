namespace Lakehouse.Arrow.Ipc;

/// <summary>What a decoded IPC message was.</summary>
public enum IpcMessageKind
{
    Schema,
    DictionaryBatch,
    RecordBatch,
}
