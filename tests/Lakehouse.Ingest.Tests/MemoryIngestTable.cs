using Confluent.Kafka;
using Lakehouse.Arrow;
using Lakehouse.Ingest.Batching;
using Lakehouse.Ingest.Pipeline;

namespace Lakehouse.Ingest.Tests;

/// <summary>
/// A test double for a table: an append-only list of snapshots (rows + summary) shared by every pipeline
/// that opens a <see cref="View"/> on it. A view can be told to "crash" after its n-th commit landed: that
/// commit and every later call of the view throw <see cref="SimulatedCrashException"/>, like a process that
/// died right after the catalog swap.
/// </summary>
internal sealed class MemoryIngestTable
{
    private readonly Lock _lock = new();
    private readonly List<(RecordBatch Rows, Dictionary<string, string> Summary)> _snapshots = [];

    public MemoryIngestTable(string name, Schema schema)
    {
        Name = name;
        Schema = schema;
    }

    public string Name { get; }

    public Schema Schema { get; }

    public List<RecordBatch> Batches()
    {
        lock (_lock)
        {
            return _snapshots.Select(s => s.Rows).ToList();
        }
    }

    public int SnapshotCount
    {
        get
        {
            lock (_lock)
            {
                return _snapshots.Count;
            }
        }
    }

    public View Open(int crashAfterCommits = -1) => new(this, crashAfterCommits);

    private Dictionary<TopicPartition, long> Offsets(string group)
    {
        for (var i = _snapshots.Count - 1; i >= 0; i--)
        {
            if (_snapshots[i].Summary.TryGetValue(KafkaOffsetSummary.Key(group), out var json))
            {
                return KafkaOffsetSummary.Parse(json);
            }
        }

        return [];
    }

    internal sealed class View : IIngestTable
    {
        private readonly MemoryIngestTable _table;
        private int _crashAfter;

        public View(MemoryIngestTable table, int crashAfterCommits)
        {
            _table = table;
            _crashAfter = crashAfterCommits;
        }

        public bool Crashed { get; private set; }

        public string Name => _table.Name;

        public Schema Schema => _table.Schema;

        public Task<Dictionary<TopicPartition, long>> LoadOffsetsAsync(string group, CancellationToken cancellationToken)
        {
            ThrowIfCrashed();
            lock (_table._lock)
            {
                return Task.FromResult(_table.Offsets(group));
            }
        }

        public Task CommitAsync(RecordBatch rows, string group, IReadOnlyDictionary<TopicPartition, long> expected, IReadOnlyDictionary<TopicPartition, long> next, CancellationToken cancellationToken)
        {
            ThrowIfCrashed();
            lock (_table._lock)
            {
                var recorded = _table.Offsets(group);
                OffsetFenceException.Check(Name, recorded, expected, next);
                foreach (var (tp, offset) in next)
                {
                    recorded[tp] = offset;
                }

                _table._snapshots.Add((rows, new Dictionary<string, string> { [KafkaOffsetSummary.Key(group)] = KafkaOffsetSummary.Format(recorded) }));
            }

            if (_crashAfter > 0 && --_crashAfter == 0)
            {
                Crashed = true;
                throw new SimulatedCrashException();
            }

            return Task.CompletedTask;
        }

        private void ThrowIfCrashed()
        {
            if (Crashed)
            {
                throw new SimulatedCrashException();
            }
        }
    }
}
