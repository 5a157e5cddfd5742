using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

using Google.Protobuf;
using Any = Google.Protobuf.WellKnownTypes.Any;
using Field = Lakehouse.Arrow.Field;

using Lakehouse.Arrow;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;
using Lakehouse.Flight;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;
using Lakehouse.Flight.Protocol.Sql;
using Lakehouse.Flight.Sql;

namespace Lakehouse.Bench;

/// <summary>
/// Flight SQL DoGet over loopback (our server and client, h2c) of a ~1 GB result against raw loopback TCP
/// throughput of the same byte count measured in the same run (the physical limit here); also the time from
/// DoGet to the first record batch. The result is one 64 Ki-row batch of 12 int64/float64 columns sent
/// repeatedly, so the figure is the transport + framing cost, not the executor's.
/// </summary>
public static class FlightBenchmark
{
    private const int BatchRows = 65_536;

    public static async Task RunAsync(BenchReport report, long rows, int runs)
    {
        var batch = BuildBatch();
        var batches = (int)Math.Max(1, rows / BatchRows);
        rows = (long)batches * BatchRows;
        var bytes = BatchBytes.Of(batch) * batches;
        Console.WriteLine($"flight: {rows:N0} rows in {batches} batches of {BatchRows}, {bytes / 1e9:0.00} GB of Arrow buffers; best of {runs}");

        var socketSeconds = await Measure.BestSecondsAsync(() => SocketCopyAsync(bytes), runs).ConfigureAwait(false);
        var socket = bytes / socketSeconds / 1e9;
        Console.WriteLine($"  raw loopback TCP: {socket:0.00} GB/s");

        var options = new FlightSqlServerOptions();
        var flightSql = new FlightSqlServer(new FlightBenchBackend(batch, batches), options);
        await using var server = new GrpcServer(flightSql.RegisterWithAuthentication(new GrpcServiceRegistry()), new GrpcServerOptions { MaxConcurrentStreams = 100 });
        await server.StartAsync().ConfigureAwait(false);
        using var client = FlightClient.Connect(server.Address.ToString());
        var descriptor = new FlightDescriptor { Type = FlightDescriptor.Types.DescriptorType.Cmd, Cmd = Any.Pack(new CommandStatementQuery { Query = "bench" }).ToByteString() };

        var firstBatchMs = double.MaxValue;
        long received = 0;
        long messages = 0;
        var flightSeconds = await Measure.BestSecondsAsync(async () =>
        {
            var info = await client.GetFlightInfoAsync(descriptor).ConfigureAwait(false);
            var watch = Stopwatch.StartNew();
            var first = true;
            received = 0;
            messages = 0;
            await foreach (var data in client.DoGetAsync(info.Endpoint[0].Ticket).ConfigureAwait(false))
            {
                if (first && data.DataBody.Length > 0)
                {
                    firstBatchMs = Math.Min(firstBatchMs, watch.Elapsed.TotalMilliseconds);
                    first = false;
                }

                received += data.DataBody.Length + data.DataHeader.Length;
                messages++;
            }
        }, runs).ConfigureAwait(false);
        var flight = received / flightSeconds / 1e9;
        Console.WriteLine($"  flight DoGet: {flight:0.00} GB/s, {rows / flightSeconds / 1e6:0.0} M rows/s, {messages} FlightData messages, first batch after {firstBatchMs:0.0} ms");

        report.Add(new BenchRow("flight DoGet throughput (GB/s) vs raw loopback TCP", "GB/s", flight, socket, "loopback TCP", ">= 1 GB/s absolute"));
        report.Add(new BenchRow("flight DoGet rows/s (M) vs loopback TCP at 96 B/row", "Mrows/s", rows / flightSeconds / 1e6, bytes / socketSeconds / 96 / 1e6, "loopback TCP", "ratio -> 1"));
        report.Add(new BenchRow("flight time to first batch (ms)", "ms", firstBatchMs, 100, "target 100 ms", "< 1 (lower is better)"));
    }

    private static RecordBatch BuildBatch()
    {
        var fields = new List<Field>();
        for (var c = 0; c < 12; c++)
        {
            fields.Add(new Field("c" + c, c % 2 == 0 ? ArrowType.Int64 : ArrowType.Float64, false));
        }

        var builder = new RecordBatchBuilder(new Schema(fields));
        for (var c = 0; c < 12; c++)
        {
            if (c % 2 == 0)
            {
                var column = builder.Column<PrimitiveBuilder<long>>(c);
                for (var i = 0; i < BatchRows; i++)
                {
                    column.Append((long)i * (c + 1));
                }
            }
            else
            {
                var column = builder.Column<PrimitiveBuilder<double>>(c);
                for (var i = 0; i < BatchRows; i++)
                {
                    column.Append(i * 0.5);
                }
            }
        }

        return builder.Build();
    }

    /// <summary>Sends <paramref name="bytes"/> over a loopback TCP connection in 1 MiB writes and receives them.</summary>
    private static async Task SocketCopyAsync(long bytes)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accept = listener.AcceptSocketAsync();
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await sender.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
        using var receiver = await accept.ConfigureAwait(false);
        var chunk = new byte[1 << 20];
        var receive = Task.Run(async () =>
        {
            var buffer = new byte[1 << 20];
            long total = 0;
            while (total < bytes)
            {
                var n = await receiver.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }
        });
        for (long sent = 0; sent < bytes;)
        {
            var n = (int)Math.Min(chunk.Length, bytes - sent);
            sent += await sender.SendAsync(chunk.AsMemory(0, n), SocketFlags.None).ConfigureAwait(false);
        }

        await receive.ConfigureAwait(false);
    }
}
