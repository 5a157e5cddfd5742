using System.Buffers;

using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Tests.Echo;

using Xunit;

namespace Lakehouse.Flight.Tests;

/// <summary>Unit tests of the wire codecs.</summary>
public sealed class GrpcProtocolTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("7u", 70L)]
    [InlineData("1000n", 10L)]
    [InlineData("99999999S", 999_999_990_000_000L)]
    public void ParsesEveryTimeoutUnit(string header, long ticks)
    {
        Assert.True(GrpcProtocol.TryParseTimeout(header, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("-1S")]
    [InlineData("123456789S")]
    public void RejectsMalformedTimeouts(string header) => Assert.False(GrpcProtocol.TryParseTimeout(header, out _));

    [Fact]
    public void FormattedTimeouts_RoundTrip_WithoutComingEarly()
    {
        foreach (var timeout in new[] { TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(1.5), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(90), TimeSpan.FromDays(400) })
        {
            var text = GrpcProtocol.FormatTimeout(timeout);
            Assert.True(text.Length <= 9, text);
            Assert.True(GrpcProtocol.TryParseTimeout(text, out var parsed), text);
            Assert.True(parsed >= timeout, $"{text} < {timeout}");
        }
    }

    [Theory]
    [InlineData("plain message", "plain message")]
    [InlineData("100%", "100%25")]
    [InlineData("\u00e9", "%C3%A9")]
    [InlineData("a\nb", "a%0Ab")]
    public void PercentEncodesStatusMessages(string message, string encoded)
    {
        Assert.Equal(encoded, GrpcProtocol.EncodeMessage(message));
        Assert.Equal(message, GrpcProtocol.DecodeMessage(encoded));
    }

    [Fact]
    public void MalformedPercentEscapes_AreKept() => Assert.Equal("%zz%4", GrpcProtocol.DecodeMessage("%zz%4"));

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("application/grpc-web", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void RecognisesGrpcContentTypes(string? contentType, bool expected) => Assert.Equal(expected, GrpcProtocol.IsGrpcContentType(contentType));

    [Fact]
    public void Frames_RoundTrip_PlainAndGzip()
    {
        foreach (var gzip in new[] { false, true })
        {
            using var frame = new PooledBufferWriter(16);
            var request = new EchoRequest { Message = new string('x', 5000), Count = 3 };
            MessageFraming.WriteFrame(frame, EchoMethods.Unary.RequestMarshaller, request, null, gzip);
            Assert.Equal(gzip ? 1 : 0, frame.WrittenSpan[0]);
            var sequence = new ReadOnlySequence<byte>(frame.WrittenMemory.ToArray());
            Assert.True(MessageFraming.TryReadFrame(ref sequence, null, out var compressed, out var payload));
            Assert.Equal(gzip, compressed);
            Assert.True(sequence.IsEmpty);
            using var inflated = new PooledBufferWriter();
            var bytes = compressed ? MessageFraming.Gunzip(payload, inflated, null) : payload;
            Assert.Equal(request, EchoRequest.Parser.ParseFrom(bytes));
        }
    }

    [Fact]
    public void TruncatedFrame_IsIncomplete_AndOversizedPrefix_IsRefusedEarly()
    {
        var sequence = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0, 0, 10, 1, 2 });
        Assert.False(MessageFraming.TryReadFrame(ref sequence, null, out _, out _));

        var huge = new ReadOnlySequence<byte>(new byte[] { 0, 0x7F, 0xFF, 0xFF, 0xFF });
        var e = Assert.Throws<RpcException>(() => MessageFraming.TryReadFrame(ref huge, 1024, out _, out _));
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);

        var badFlag = new ReadOnlySequence<byte>(new byte[] { 7, 0, 0, 0, 0 });
        Assert.Equal(StatusCode.Internal, Assert.Throws<RpcException>(() => MessageFraming.TryReadFrame(ref badFlag, null, out _, out _)).StatusCode);
    }

    [Fact]
    public void Metadata_ValidatesKeysAndValues()
    {
        var metadata = new Metadata().Add("X-Mixed-Case", "v");
        Assert.Equal("v", metadata.Get("x-mixed-case"));
        Assert.Throws<ArgumentException>(() => metadata.Add("bad key", "v"));
        Assert.Throws<ArgumentException>(() => metadata.Add("k", "caf\u00e9"));
        Assert.Throws<ArgumentException>(() => metadata.Add("k-bin", "v"));
        metadata.AddBinary("k-bin", [1, 2, 3]);
        Assert.Equal(new byte[] { 1, 2, 3 }, metadata.GetBinary("k-bin"));
    }
}
