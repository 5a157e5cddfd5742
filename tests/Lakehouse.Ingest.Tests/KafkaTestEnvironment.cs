using Lakehouse.Ingest.Kafka;
using Xunit;

namespace Lakehouse.Ingest.Tests;

/// <summary>Skips a test when librdkafka.so.1 is missing (the test command installs Debian's librdkafka1).</summary>
internal static class KafkaTestEnvironment
{
    public static void RequireLibrdkafka()
    {
        Skip.IfNot(KafkaNative.IsAvailable, KafkaNative.MissingMessage + " (./test installs it)");
        KafkaNative.EnsureLoaded();
    }
}
