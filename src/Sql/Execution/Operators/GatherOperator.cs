using System.Threading.Channels;
using Lakehouse.Sql.Execution.Parallel;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>
/// Runs its input pipeline with morsel-driven parallelism (<see cref="ParallelPipeline"/>) and streams the workers'
/// chunks in arrival order through a bounded channel (back-pressure: workers wait while the consumer is slow). Rows
/// come in no particular order, which is what SQL promises without ORDER BY. Stopping early (a LIMIT above) cancels
/// the workers. With one degree of parallelism the input runs as it is.
/// </summary>
public sealed class GatherOperator : PhysicalOperator
{
    private readonly PhysicalOperator _input;
    private readonly TableScanOperator _scan;

    public GatherOperator(PhysicalOperator input, TableScanOperator scan)
        : base(input.Logical, input)
    {
        _input = input;
        _scan = scan;
    }

    public PhysicalOperator Input => _input;

    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        if (context.DegreeOfParallelism <= 1)
        {
            await foreach (var chunk in _input.ExecuteAsync(context).ConfigureAwait(false))
            {
                yield return chunk;
            }

            yield break;
        }

        var channel = Channel.CreateBounded<DataChunk>(new BoundedChannelOptions(2 * context.DegreeOfParallelism) { SingleReader = true });
        using var stop = new CancellationTokenSource();
        var run = Task.Run(async () =>
        {
            try
            {
                await ParallelPipeline.RunAsync(
                    _input,
                    _scan,
                    context,
                    async (_, worker, chunks) =>
                    {
                        await foreach (var chunk in chunks.ConfigureAwait(false))
                        {
                            await channel.Writer.WriteAsync(chunk, worker.CancellationToken).ConfigureAwait(false);
                        }
                    },
                    stop: stop.Token).ConfigureAwait(false);
                channel.Writer.TryComplete();
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e);
            }
        });

        try
        {
            while (await channel.Reader.WaitToReadAsync(context.CancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var chunk))
                {
                    yield return chunk;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await run.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
