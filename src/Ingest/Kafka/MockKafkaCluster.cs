using System.Runtime.InteropServices;
using System.Text;

namespace Lakehouse.Ingest.Kafka;

/// <summary>
/// An in-process Kafka cluster: librdkafka's mock cluster (rdkafka_mock.h), which speaks the Kafka
/// protocol on loopback sockets — produce, fetch, metadata, consumer groups and offset commits — so
/// any Kafka client (Confluent.Kafka, kafkajs) can use <see cref="BootstrapServers"/>. It lives as long as
/// this object; dispose it to stop the brokers. The mock needs a librdkafka client handle to run on, so
/// one idle producer handle is created and kept with it.
/// </summary>
public sealed class MockKafkaCluster : IDisposable
{
    private readonly Lock _lock = new();
    private IntPtr _handle;
    private IntPtr _cluster;

    public MockKafkaCluster(int brokers = 1, IEnumerable<TopicSpec>? topics = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(brokers, 64);
        KafkaNative.EnsureLoaded();
        BrokerCount = brokers;
        _handle = CreateHandle();
        _cluster = LibrdkafkaMock.MockClusterNew(_handle, brokers);
        if (_cluster == IntPtr.Zero)
        {
            LibrdkafkaMock.Destroy(_handle);
            _handle = IntPtr.Zero;
            throw new InvalidOperationException("librdkafka could not create the mock cluster");
        }

        BootstrapServers = Marshal.PtrToStringUTF8(LibrdkafkaMock.MockClusterBootstraps(_cluster)) ?? string.Empty;
        foreach (var topic in topics ?? [])
        {
            CreateTopic(topic.Name, topic.Partitions);
        }
    }

    /// <summary>Comma-separated host:port list of the brokers (e.g. <c>127.0.0.1:41233,127.0.0.1:38211</c>).</summary>
    public string BootstrapServers { get; }

    public int BrokerCount { get; }

    /// <summary>Creates a topic; the replication factor is min(3, brokers) like a small real cluster.</summary>
    public void CreateTopic(string name, int partitions)
    {
        if (!TopicSpec.IsValidName(name))
        {
            throw new ArgumentException($"invalid topic name '{name}'", nameof(name));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        lock (_lock)
        {
            var err = LibrdkafkaMock.MockTopicCreate(Cluster, name, partitions, Math.Min(3, BrokerCount));
            if (err != 0)
            {
                throw new InvalidOperationException($"mock cluster: creating topic '{name}' failed: {LibrdkafkaMock.Describe(err)}");
            }
        }
    }

    /// <summary>Takes broker <paramref name="brokerId"/> (1-based) down: its connections close and it refuses new ones.</summary>
    public void SetBrokerDown(int brokerId) => BrokerCall(brokerId, down: true);

    /// <summary>Brings broker <paramref name="brokerId"/> back up.</summary>
    public void SetBrokerUp(int brokerId) => BrokerCall(brokerId, down: false);

    public void Dispose()
    {
        lock (_lock)
        {
            if (_cluster != IntPtr.Zero)
            {
                LibrdkafkaMock.MockClusterDestroy(_cluster);
                _cluster = IntPtr.Zero;
            }

            if (_handle != IntPtr.Zero)
            {
                LibrdkafkaMock.Destroy(_handle);
                _handle = IntPtr.Zero;
            }
        }
    }

    private IntPtr Cluster => _cluster != IntPtr.Zero ? _cluster : throw new ObjectDisposedException(nameof(MockKafkaCluster));

    private void BrokerCall(int brokerId, bool down)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(brokerId, BrokerCount);
        lock (_lock)
        {
            var err = down ? LibrdkafkaMock.MockBrokerSetDown(Cluster, brokerId) : LibrdkafkaMock.MockBrokerSetUp(Cluster, brokerId);
            if (err != 0)
            {
                throw new InvalidOperationException($"mock cluster: setting broker {brokerId} {(down ? "down" : "up")} failed: {LibrdkafkaMock.Describe(err)}");
            }
        }
    }

    private static unsafe IntPtr CreateHandle()
    {
        const int errSize = 512;
        var errstr = stackalloc byte[errSize];
        var conf = LibrdkafkaMock.ConfNew();
        // The handle never connects anywhere; keep it quiet about the missing bootstrap.servers.
        if (LibrdkafkaMock.ConfSet(conf, "log_level", "0", errstr, errSize) != LibrdkafkaMock.ConfOk)
        {
            LibrdkafkaMock.ConfDestroy(conf);
            throw new InvalidOperationException($"librdkafka configuration failed: {ErrorText(errstr, errSize)}");
        }

        var handle = LibrdkafkaMock.New(LibrdkafkaMock.ProducerType, conf, errstr, errSize);
        if (handle == IntPtr.Zero)
        {
            LibrdkafkaMock.ConfDestroy(conf);
            throw new InvalidOperationException($"librdkafka could not create a client handle: {ErrorText(errstr, errSize)}");
        }

        return handle;
    }

    private static unsafe string ErrorText(byte* errstr, int size)
    {
        var span = new ReadOnlySpan<byte>(errstr, size);
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }
}
