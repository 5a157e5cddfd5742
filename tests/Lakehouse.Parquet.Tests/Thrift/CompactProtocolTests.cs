using System.Buffers;
using Lakehouse.Arrow;
using Lakehouse.Parquet.Metadata;
using Lakehouse.Parquet.Thrift;
using Xunit;

namespace Lakehouse.Parquet.Tests.Thrift;

public class CompactProtocolTests
{
    [Fact]
    public void ReadsFieldHeadersVarintsAndSkipsUnknownFields()
    {
        // struct { 1: i32 = -1 (zigzag 1), 3: binary "ab", 20: list<i64>[2] {1, -1}, 21: struct { 1: true } }
        byte[] data = [0x15, 0x01, 0x28, 0x02, (byte)'a', (byte)'b', 0x09, 0x28, 0x29, 0x02, 0x01, 0x0C, 0x2A, 0x11, 0x00, 0x00];
        var r = new CompactReader(data);
        var saved = r.BeginStruct();
        Assert.True(r.ReadFieldHeader(out var t, out var id));
        Assert.Equal((CompactType.I32, (short)1), (t, id));
        Assert.Equal(-1, r.ReadI32());
        Assert.True(r.ReadFieldHeader(out t, out id));
        Assert.Equal((CompactType.Binary, (short)3), (t, id));
        Assert.Equal("ab", r.ReadString());
        Assert.True(r.ReadFieldHeader(out t, out id));
        Assert.Equal((CompactType.List, (short)20), (t, id));
        r.Skip(t);
        Assert.True(r.ReadFieldHeader(out t, out id));
        Assert.Equal((CompactType.Struct, (short)21), (t, id));
        r.Skip(t);
        Assert.False(r.ReadFieldHeader(out _, out _));
        r.EndStruct(saved);
        Assert.Equal(data.Length, r.Position);
    }

    [Fact]
    public void RejectsListsLongerThanTheData()
    {
        byte[] data = [0x19, 0xF5, 0xFF, 0xFF, 0xFF, 0x0F, 0x00];
        Assert.Throws<CorruptFileException>(() =>
        {
            var r = new CompactReader(data);
            r.SkipStruct();
        });
    }

    [Fact]
    public void RejectsDeepNesting()
    {
        var data = new byte[200];
        data.AsSpan().Fill(0x1C); // struct field after struct field...
        Assert.Throws<CorruptFileException>(() =>
        {
            var r = new CompactReader(data);
            r.SkipStruct();
        });
    }

    [Fact]
    public void FileMetaDataRoundTrips()
    {
        var m = new FileMetaData
        {
            Version = 2,
            NumRows = 3,
            CreatedBy = "test",
            Schema =
            [
                new SchemaElement("schema") { NumChildren = 2 },
                new SchemaElement("a") { Type = PhysicalType.Int64, RepetitionType = FieldRepetitionType.Optional, FieldId = 7, LogicalType = LogicalType.Timestamp(true, ParquetTimeUnit.Nanos) },
                new SchemaElement("b") { Type = PhysicalType.FixedLenByteArray, TypeLength = 16, RepetitionType = FieldRepetitionType.Required, LogicalType = LogicalType.Decimal(38, 4), ConvertedType = ConvertedType.Decimal, Precision = 38, Scale = 4 },
            ],
            RowGroups =
            [
                new RowGroup
                {
                    NumRows = 3,
                    TotalByteSize = 100,
                    Ordinal = 0,
                    Columns =
                    [
                        new ColumnChunk
                        {
                            FileOffset = 4,
                            MetaData = new ColumnMetaData
                            {
                                Type = PhysicalType.Int64,
                                Encodings = [Encoding.Plain, Encoding.Rle],
                                PathInSchema = ["a"],
                                Codec = CompressionCodec.Zstd,
                                NumValues = 3,
                                DataPageOffset = 4,
                                Statistics = new Statistics { MinValue = [1, 0, 0, 0, 0, 0, 0, 0], MaxValue = [9, 0, 0, 0, 0, 0, 0, 0], NullCount = 1 },
                            },
                        },
                    ],
                },
            ],
            KeyValueMetadata = [new KeyValue("k", "v"), new KeyValue("nothing", null)],
            ColumnOrders = [new ColumnOrder(ColumnOrderKind.TypeDefinedOrder)],
        };
        var buffer = new ArrayBufferWriter<byte>();
        ParquetFooter.Write(m, buffer);
        var bytes = buffer.WrittenSpan;
        var length = ParquetFooter.ReadFooterLength(bytes[^8..], bytes.Length + 4, null);
        var read = ParquetFooter.ReadFileMetaData(bytes.Slice(bytes.Length - 8 - length, length), null, 0);
        Assert.Equal(2, read.Version);
        Assert.Equal("test", read.CreatedBy);
        Assert.Equal(LogicalType.Timestamp(true, ParquetTimeUnit.Nanos), read.Schema[1].LogicalType);
        Assert.Equal(7, read.Schema[1].FieldId);
        Assert.Equal(LogicalType.Decimal(38, 4), read.Schema[2].LogicalType);
        Assert.Equal(16, read.Schema[2].TypeLength);
        var cm = read.RowGroups[0].Columns[0].MetaData!;
        Assert.Equal(CompressionCodec.Zstd, cm.Codec);
        Assert.Equal([Encoding.Plain, Encoding.Rle], cm.Encodings);
        Assert.Equal(1, cm.Statistics!.NullCount);
        Assert.Equal((short)0, read.RowGroups[0].Ordinal);
        Assert.Null(read.KeyValueMetadata![1].Value);
        Assert.Equal(ColumnOrderKind.TypeDefinedOrder, read.ColumnOrders![0].Kind);
    }

    [Fact]
    public void EncryptedFooterMagicIsNotSupported()
    {
        byte[] trailer = [10, 0, 0, 0, (byte)'P', (byte)'A', (byte)'R', (byte)'E'];
        var ex = Assert.Throws<NotSupportedException>(() => ParquetFooter.ReadFooterLength(trailer, 100, "x.parquet"));
        Assert.Contains("encryption", ex.Message, StringComparison.Ordinal);
    }
}
