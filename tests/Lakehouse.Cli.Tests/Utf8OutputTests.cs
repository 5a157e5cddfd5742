using System.Text;
using Lakehouse.Arrow.Types;
using Lakehouse.Cli.Output;
using Xunit;
using static Lakehouse.Cli.Tests.ArrayFactory;

namespace Lakehouse.Cli.Tests;

public class Utf8OutputTests
{
    [Fact]
    public void HugeValuesGrowTheBufferAndStreamIntact()
    {
        var big = new string('é', 300_000) + "\n";
        var batch = Batch(("s", Strings("a", big, "b")));
        var stream = new MemoryStream();
        using (var writer = RowWriter.Create(OutputFormat.Jsonl, stream))
        {
            writer.Write(batch);
            writer.Write(batch);
            writer.Complete();
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Equal("{\"s\":\"" + big[..^1] + "\\n\"}", lines[1]);
        Assert.Equal("{\"s\":\"b\"}", lines[5]);
    }

    [Fact]
    public void TextWriterTargetGetsTheSameText()
    {
        var batch = Batch(("n", Primitive<long>(ArrowType.Int64, Enumerable.Range(0, 20_000).Select(i => (long?)i).ToArray())), ("s", Strings(Enumerable.Range(0, 20_000).Select(i => "日本" + i).ToArray())));
        var stream = new MemoryStream();
        using (var w = RowWriter.Create(OutputFormat.Csv, stream))
        {
            w.Write(batch);
        }

        var text = new StringWriter();
        using (var w = RowWriter.Create(OutputFormat.Csv, text))
        {
            w.Write(batch);
        }

        Assert.Equal(Encoding.UTF8.GetString(stream.ToArray()), text.ToString());
        Assert.EndsWith("19999,日本19999\n", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CompleteIsIdempotentAndWriteAfterCompleteFails()
    {
        var writer = RowWriter.Create(OutputFormat.Jsonl, new MemoryStream());
        writer.Complete();
        writer.Complete();
        Assert.Throws<ObjectDisposedException>(() => writer.Write(Batch(("a", Primitive<int>(ArrowType.Int32, 1)))));
    }

    [Fact]
    public void InconsistentBuffersAreInvalidDataNotACrash()
    {
        // Offsets point past the end of the data buffer.
        var data = new Lakehouse.Arrow.Arrays.ArrayData(
            ArrowType.Utf8, 2, 0, 0, [default, Lakehouse.Arrow.Memory.ArrowBuffer.FromArray(new[] { 0, 1, 50 }), Lakehouse.Arrow.Memory.ArrowBuffer.FromArray("ab"u8.ToArray())]);
        var batch = Batch(("s", data));
        foreach (var format in new[] { OutputFormat.Jsonl, OutputFormat.Csv, OutputFormat.Table })
        {
            var e = Assert.Throws<InvalidDataException>(() => RowWriter.Format(format, [batch]));
            Assert.Equal(ExitCodes.Failure, ErrorReporter.Describe(e).ExitCode);
        }
    }
}
