namespace Lakehouse.Table.Tests.Operations;

/// <summary>A clock that only moves when told (timers still run on the system clock).</summary>
internal sealed class FakeTime : TimeProvider
{
    private long _nowMs;

    public FakeTime(long nowMs) => _nowMs = nowMs;

    public long NowMs => Interlocked.Read(ref _nowMs);

    public void Advance(long ms) => Interlocked.Add(ref _nowMs, ms);

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(NowMs);
}
