using System.Runtime.InteropServices;

namespace Lakehouse.Ingest.Kafka;

/// <summary>
/// The few librdkafka C functions behind <see cref="MockKafkaCluster"/> (rdkafka.h and rdkafka_mock.h;
/// all available since librdkafka 1.4). Resolved to librdkafka.so.1 by <see cref="KafkaNative"/>.
/// </summary>
internal static partial class LibrdkafkaMock
{
    private const string Lib = "librdkafka";

    /// <summary>rd_kafka_type_t RD_KAFKA_PRODUCER.</summary>
    public const int ProducerType = 0;

    /// <summary>rd_kafka_conf_res_t RD_KAFKA_CONF_OK.</summary>
    public const int ConfOk = 0;

    [LibraryImport(Lib, EntryPoint = "rd_kafka_conf_new")]
    public static partial IntPtr ConfNew();

    [LibraryImport(Lib, EntryPoint = "rd_kafka_conf_destroy")]
    public static partial void ConfDestroy(IntPtr conf);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int ConfSet(IntPtr conf, string name, string value, byte* errstr, nuint errstrSize);

    /// <summary>Takes ownership of <paramref name="conf"/> on success only.</summary>
    [LibraryImport(Lib, EntryPoint = "rd_kafka_new")]
    public static unsafe partial IntPtr New(int type, IntPtr conf, byte* errstr, nuint errstrSize);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_destroy")]
    public static partial void Destroy(IntPtr rk);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_cluster_new")]
    public static partial IntPtr MockClusterNew(IntPtr rk, int brokerCount);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    public static partial void MockClusterDestroy(IntPtr cluster);

    /// <summary>Returns a string owned by the cluster (valid until it is destroyed).</summary>
    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    public static partial IntPtr MockClusterBootstraps(IntPtr cluster);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MockTopicCreate(IntPtr cluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_broker_set_down")]
    public static partial int MockBrokerSetDown(IntPtr cluster, int brokerId);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_mock_broker_set_up")]
    public static partial int MockBrokerSetUp(IntPtr cluster, int brokerId);

    [LibraryImport(Lib, EntryPoint = "rd_kafka_err2str")]
    public static partial IntPtr ErrorToString(int error);

    public static string Describe(int error) => $"{Marshal.PtrToStringUTF8(ErrorToString(error))} (error {error})";
}
