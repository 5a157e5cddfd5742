using Lakehouse.Arrow;
using Lakehouse.Cli.Output;

namespace Lakehouse.Cli.Demo;

/// <summary>The demo's optional file output: events and campaigns as jsonl (or csv) under --out DIR.</summary>
public sealed class DemoFiles : IDisposable
{
    private readonly string _directory;
    private readonly OutputFormat _format;
    private readonly string _extension;
    private readonly FileStream _eventStream;
    private readonly RowWriter _events;

    private DemoFiles(string directory, OutputFormat format, Schema schema)
    {
        _directory = directory;
        _format = format;
        _extension = format == OutputFormat.Csv ? "csv" : "jsonl";
        Directory.CreateDirectory(directory);
        _eventStream = new FileStream(Path.Combine(directory, "events." + _extension), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _events = RowWriter.Create(format, _eventStream);
        _events.Begin(schema);
    }

    public static DemoFiles? Open(DemoSettings settings, SocialEventGenerator generator) =>
        settings.OutputDirectory is null
            ? null
            : new DemoFiles(settings.OutputDirectory, settings.Format == OutputFormat.Csv ? OutputFormat.Csv : OutputFormat.Jsonl, generator.Schema);

    public void WriteEvents(RecordBatch batch) => _events.Write(batch);

    public void WriteCampaigns(RecordBatch campaigns)
    {
        using var stream = new FileStream(Path.Combine(_directory, "campaigns." + _extension), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using var writer = RowWriter.Create(_format, stream);
        writer.Write(campaigns);
        writer.Complete();
    }

    public string Describe() => $"{Path.Combine(_directory, "events." + _extension)} and campaigns.{_extension}";

    public void Dispose()
    {
        _events.Complete();
        _eventStream.Dispose();
    }
}
