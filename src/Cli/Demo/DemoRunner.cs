using Lakehouse.Arrow;
using Lakehouse.Cli.Output;

namespace Lakehouse.Cli.Demo;

/// <summary>
/// The demo pipeline: a source of event batches (today the in-memory generator; later a Kafka topic fed by
/// it), sinks that consume every batch (the summary, optional files; later the Iceberg bronze table), and
/// a report (summary text and the first rows; later SQL over the tables).
/// </summary>
public sealed class DemoRunner
{
    private readonly DemoSettings _settings;
    private readonly CliConsole _console;

    public DemoRunner(DemoSettings settings, CliConsole console)
    {
        _settings = settings;
        _console = console;
    }

    public DemoSummary Run(CancellationToken cancellationToken = default)
    {
        var generator = new SocialEventGenerator(_settings.Seed);
        var summary = new DemoSummary();
        var preview = new List<RecordBatch>();
        var previewRows = 0;
        using var files = DemoFiles.Open(_settings, generator);

        foreach (var batch in generator.GenerateBatches(_settings.Rows, _settings.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            summary.Add(batch);
            files?.WriteEvents(batch);
            if (previewRows < _settings.Limit)
            {
                var take = Math.Min(batch.Length, _settings.Limit - previewRows);
                preview.Add(take == batch.Length ? batch : batch.Slice(0, take));
                previewRows += take;
            }
        }

        files?.WriteCampaigns(CampaignGenerator.Generate(_settings.Seed));

        // In csv/jsonl mode stdout carries only rows; the summary goes to stderr.
        var text = _settings.Format == OutputFormat.Table ? _console.Out : _console.Error;
        summary.WriteTo(text);
        if (files is not null)
        {
            text.WriteLine($"wrote {files.Describe()}");
        }

        if (_settings.Limit > 0)
        {
            if (_settings.Format == OutputFormat.Table)
            {
                text.WriteLine();
                text.WriteLine($"first {previewRows} events:");
            }

            using var writer = FormatOption.CreateWriter(_settings.Format, _console);
            writer.Begin(generator.Schema);
            foreach (var b in preview)
            {
                writer.Write(b);
            }

            writer.Complete();
        }

        return summary;
    }
}
