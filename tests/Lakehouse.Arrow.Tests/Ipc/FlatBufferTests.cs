using Lakehouse.Arrow.Flatbuffers;
using Lakehouse.Arrow.Ipc;
using Xunit;

namespace Lakehouse.Arrow.Tests.Ipc;

public sealed class FlatBufferTests
{
    private static byte[] Sample()
    {
        var b = new FlatBufferBuilder(16);
        var name = b.CreateString("héllo");
        var ints = b.CreateInt32Vector([1, -2, int.MaxValue]);
        var pairs = b.CreateInt64PairVector([10, 20], [-1, long.MaxValue]);
        b.StartTable(1);
        b.AddInt32(0, 42, 0);
        var child = b.EndTable();
        var children = b.CreateOffsetVector([child, child]);
        b.StartTable(8);
        b.AddBool(0, true, false);
        b.AddInt16(1, -3, 0);
        b.AddInt64(2, long.MinValue, 0);
        b.AddOffset(3, name);
        b.AddOffset(4, ints);
        b.AddOffset(5, pairs);
        b.AddOffset(6, children);
        b.AddByte(7, 200, 0);
        return b.Finish(b.EndTable());
    }

    [Fact]
    public void BuilderOutputReadsBack()
    {
        var bytes = Sample();
        Assert.Equal(0, bytes.Length % 8);
        var t = FlatTable.Root(bytes);
        Assert.True(t.GetBool(0));
        Assert.Equal(-3, t.GetInt16(1));
        Assert.Equal(long.MinValue, t.GetInt64(2));
        Assert.Equal("héllo", t.GetString(3));
        var ints = t.GetVector(4, 4);
        Assert.Equal([1, -2, int.MaxValue], Enumerable.Range(0, ints.Count).Select(ints.GetInt32));
        var pairs = t.GetVector(5, 16);
        Assert.Equal(2, pairs.Count);
        Assert.Equal(long.MaxValue, BitConverter.ToInt64(pairs.Element(1)[8..]));
        var children = t.GetVector(6, 4);
        Assert.Equal(42, children.GetTable(1).GetInt32(0));
        Assert.Equal(200, t.GetByte(7));
        Assert.False(t.Has(9));
        Assert.Equal(7, t.GetInt32(12, 7));
    }

    [Fact]
    public void EveryCorruptionOfAFlatbufferIsCleanlyRejectedOrRead()
    {
        var original = Sample();
        var random = new Random(5);
        for (var n = 0; n < 3000; n++)
        {
            var bytes = (byte[])original.Clone();
            if (n % 3 == 0)
            {
                bytes = bytes[..random.Next(bytes.Length)];
            }
            else
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            try
            {
                var t = FlatTable.Root(bytes);
                _ = t.GetString(3);
                var v = t.GetVector(4, 4);
                for (var i = 0; i < v.Count; i++)
                {
                    _ = v.GetInt32(i);
                }

                var c = t.GetVector(6, 4);
                for (var i = 0; i < c.Count; i++)
                {
                    _ = c.GetTable(i).GetInt32(0);
                }

                _ = t.GetInt64(2);
            }
            catch (CorruptFileException)
            {
            }
        }
    }

    [SkippableFact]
    public void MemoryMappedFileReaderMatchesJson()
    {
        const string name = "cpp-21.0.0/generated_nested";
        var expected = IntegrationJson.Load(GoldenFiles.Path(name + ".json.gz"));
        using var reader = ArrowFileReader.OpenMapped(GoldenFiles.Path(name + ".arrow_file"));
        var batches = new List<RecordBatch>();
        while (reader.ReadNextBatch() is { } b)
        {
            batches.Add(b);
        }

        LogicalComparer.AssertSchemasEqual(expected.Schema, reader.Schema, name);
        LogicalComparer.AssertBatchesEqual(expected.Batches, batches, name);
    }
}
