namespace Lakehouse.Ingest.Generation;

/// <summary>What <see cref="SocialEventProducer.Run"/> sent: counts by shape, bytes and delivery failures.</summary>
public sealed record SocialProduceResult(long Events, long Malformed, long Late, long Bytes, long DeliveryErrors, TimeSpan Elapsed);
