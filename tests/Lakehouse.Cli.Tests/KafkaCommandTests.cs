using Lakehouse.Ingest.Kafka;
using Xunit;

namespace Lakehouse.Cli.Tests;

public sealed class KafkaCommandTests
{
    [SkippableFact]
    public void KafkaMockPrintsOneBootstrapAddressPerBroker()
    {
        Skip.IfNot(KafkaNative.IsAvailable, KafkaNative.MissingMessage);
        var (code, stdout, stderr) = CliRunner.Run("kafka", "mock", "--brokers", "2", "--topic", "a:4", "--topic", "b", "--exit-after", "200ms");
        Assert.Equal(0, code);
        var servers = stdout.Trim().Split(',');
        Assert.Equal(2, servers.Length);
        Assert.All(servers, s => Assert.StartsWith("127.0.0.1:", s, StringComparison.Ordinal));
        Assert.Contains("topics: a:4, b:3", stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void GenerateSocialWithoutBrokersUsesAnEmbeddedCluster()
    {
        Skip.IfNot(KafkaNative.IsAvailable, KafkaNative.MissingMessage);
        var (code, stdout, stderr) = CliRunner.Run("generate", "social", "--rate", "5000", "--duration", "0.2s", "--malformed-share", "0.5", "--seed", "3");
        Assert.Equal(0, code);
        Assert.Contains("embedded mock cluster", stderr, StringComparison.Ordinal);
        Assert.StartsWith("produced 1000 events to 'social-events'", stdout, StringComparison.Ordinal);
        Assert.Contains(" 0 delivery errors", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kafka mock --brokers 0", "--brokers must be from 1 to 64")]
    [InlineData("kafka mock --topic bad:0", "--topic: topic 'bad:0'")]
    [InlineData("kafka mock --exit-after soon", "--exit-after: 'soon' is not a duration")]
    [InlineData("generate social --rate -1", "--rate must be positive")]
    [InlineData("generate social --duration x", "--duration: 'x' is not a duration")]
    [InlineData("generate social --malformed-share 2", "the malformed share must be between 0 and 1")]
    [InlineData("generate social --topic a/b", "--topic: 'a/b' is not a valid topic name")]
    public void UsageErrors(string args, string message)
    {
        var (code, _, stderr) = CliRunner.Run(args.Split(' '));
        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}
