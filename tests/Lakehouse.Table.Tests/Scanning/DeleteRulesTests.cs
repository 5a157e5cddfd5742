using System.Buffers.Binary;
using Lakehouse.Arrow;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Scanning;
using Xunit;

namespace Lakehouse.Table.Tests.Scanning;

/// <summary>Delete application rules of the spec at sequence-number boundaries, scopes, and deletion vector decoding.</summary>
public sealed class DeleteRulesTests
{
    private static readonly ManifestFile s_manifest = new() { ManifestPath = "m.avro" };

    private static ManifestEntry Entry(FileContent content, long seq, int specId = 1, object?[]? partition = null, string path = "f", string? referenced = null, ManifestEntryStatus status = ManifestEntryStatus.Added) => new()
    {
        Status = status,
        SequenceNumber = seq,
        Manifest = s_manifest,
        DataFile = new DataFile
        {
            Content = content,
            FilePath = path,
            FileFormat = "PARQUET",
            SpecId = specId,
            Partition = partition ?? [7],
            ReferencedDataFile = referenced,
            EqualityIds = content == FileContent.EqualityDeletes ? [1] : null,
        },
    };

    private static DeleteFileIndex Index(params ManifestEntry[] deletes) => new(deletes, specId => specId == 0);

    [Theory]
    [InlineData(4, 5, true)]
    [InlineData(5, 5, true)]
    [InlineData(6, 5, false)]
    public void PositionDeletesApplyAtEqualOrLowerDataSequence(long dataSeq, long deleteSeq, bool applies)
    {
        Assert.Equal(applies, DeleteFileIndex.PositionDeleteApplies(dataSeq, deleteSeq));
        var found = Index(Entry(FileContent.PositionDeletes, deleteSeq, path: "d")).For(Entry(FileContent.Data, dataSeq));
        Assert.Equal(applies ? 1 : 0, found.Count);
    }

    [Theory]
    [InlineData(4, 5, true)]
    [InlineData(5, 5, false)]
    [InlineData(6, 5, false)]
    public void EqualityDeletesApplyOnlyToStrictlyOlderData(long dataSeq, long deleteSeq, bool applies)
    {
        Assert.Equal(applies, DeleteFileIndex.EqualityDeleteApplies(dataSeq, deleteSeq));
        var found = Index(Entry(FileContent.EqualityDeletes, deleteSeq, path: "d")).For(Entry(FileContent.Data, dataSeq));
        Assert.Equal(applies ? 1 : 0, found.Count);
    }

    [Fact]
    public void PartitionScopedDeletesNeedTheSameSpecAndPartition()
    {
        var index = Index(
            Entry(FileContent.PositionDeletes, 9, specId: 1, partition: [7], path: "p-same"),
            Entry(FileContent.PositionDeletes, 9, specId: 1, partition: [8], path: "p-other-partition"),
            Entry(FileContent.PositionDeletes, 9, specId: 2, partition: [7], path: "p-other-spec"),
            Entry(FileContent.EqualityDeletes, 9, specId: 1, partition: [7], path: "e-same"),
            Entry(FileContent.EqualityDeletes, 9, specId: 1, partition: [null], path: "e-null-partition"),
            Entry(FileContent.EqualityDeletes, 9, specId: 0, partition: [], path: "e-global"),
            Entry(FileContent.PositionDeletes, 9, specId: 2, partition: [1], path: "p-referenced", referenced: "data"),
            Entry(FileContent.PositionDeletes, 9, specId: 1, partition: [7], path: "p-removed", status: ManifestEntryStatus.Deleted));
        var found = index.For(Entry(FileContent.Data, 3, specId: 1, partition: [7], path: "data")).Select(e => e.DataFile.FilePath).Order().ToArray();
        Assert.Equal(["e-global", "e-same", "p-referenced", "p-same"], found);
        var other = index.For(Entry(FileContent.Data, 3, specId: 1, partition: [7], path: "other")).Select(e => e.DataFile.FilePath).Order().ToArray();
        Assert.Equal(["e-global", "e-same", "p-same"], other);
    }

    [Fact]
    public void DeletionVectorDecodesArrayBitmapAndRunContainers()
    {
        // 64-bit portable roaring: 2 bitmaps (high 0 and high 1).
        var bytes = new List<byte>();
        void U16(int v) => bytes.AddRange(BitConverter.GetBytes((ushort)v));
        void U32(uint v) => bytes.AddRange(BitConverter.GetBytes(v));
        bytes.AddRange(BitConverter.GetBytes(2L));
        // high 0: no-run cookie, 2 containers: key 0 array {1, 5}, key 1 bitmap with 4097 bits (0..4096)
        U32(0);
        U32(12346);
        U32(2);
        U16(0); U16(1);
        U16(1); U16(4096);
        U32(0); U32(0); // offsets (unchecked)
        U16(1); U16(5);
        var words = new ulong[1024];
        for (var i = 0; i <= 4096; i++)
        {
            words[i / 64] |= 1UL << (i % 64);
        }

        foreach (var w in words)
        {
            bytes.AddRange(BitConverter.GetBytes(w));
        }

        // high 1: run cookie with 1 container (size-1 = 0 in the upper 16 bits), run flag set, key 3, runs [10..12]
        U32(1);
        U32(12347);
        bytes.Add(1);
        U16(3); U16(2);
        U16(1); U16(10); U16(2);
        var bitmap = bytes.ToArray();
        var framed = new byte[bitmap.Length + 12];
        BinaryPrimitives.WriteUInt32BigEndian(framed, (uint)(bitmap.Length + 4));
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(4), 0xD1D33964);
        bitmap.CopyTo(framed, 8);

        foreach (var blob in new[] { framed, bitmap })
        {
            var positions = DeletionVector.Read(blob, "dv");
            Assert.Equal(2 + 4097 + 3, positions.Length);
            Assert.Equal([1L, 5L, 65536L], positions[..3]);
            Assert.Equal(65536L + 4096, positions[4098]);
            var high = (1L << 32) | (3L << 16);
            Assert.Equal([high + 10, high + 11, high + 12], positions[^3..]);
        }

        Assert.Throws<CorruptFileException>(() => DeletionVector.Read(framed.AsSpan(0, framed.Length - 5000).ToArray(), "dv"));
        Assert.Throws<CorruptFileException>(() => DeletionVector.Read(bitmap.AsSpan(0, 30).ToArray(), "dv"));
    }
}
