using Lakehouse.Arrow;
using Lakehouse.Arrow.Compression;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Cli.Demo;

namespace Lakehouse.Bench;

/// <summary>
/// Arrow IPC stream throughput against a plain memory copy of the same number of bytes, all in memory and in
/// one run: uncompressed write into a pre-sized buffer, zero-copy read with full validation, zstd write.
/// </summary>
public static class IpcBenchmark
{
    public static void Run(BenchReport report, int megabytes, int runs)
    {
        var target = (long)megabytes * 1024 * 1024;
        var generator = new SocialEventGenerator(seed: 42);
        var batches = new List<RecordBatch>();
        var arrowBytes = 0L;
        var rows = 0L;
        while (arrowBytes < target)
        {
            var batch = generator.GenerateRows(rows, 64 * 1024);
            batches.Add(batch);
            arrowBytes += BatchBytes.Of(batch);
            rows += batch.Length;
        }

        Console.WriteLine($"ipc: {rows:N0} social-event rows in {batches.Count} batches, {arrowBytes / 1e6:N0} MB of Arrow buffers; best of {runs}");

        // Pre-size the output: buffers + per-message metadata and padding (generous).
        var capacity = checked((int)Math.Min(Array.MaxLength, arrowBytes + (batches.Count * 16L * 1024) + (1 << 20)));
        var output = GC.AllocateUninitializedArray<byte>(capacity, pinned: true);
        var sink = new FixedBufferWriter(output);
        var schema = generator.Schema;

        var writeSeconds = Measure.BestSeconds(() => Write(sink, schema, batches, ArrowWriteOptions.Default), runs);
        var ipcBytes = sink.WrittenCount;
        var ipc = sink.WrittenMemory;

        // The memcpy baseline copies exactly the IPC bytes (a second buffer of the same size).
        var copy = GC.AllocateUninitializedArray<byte>(ipcBytes, pinned: true);
        // Two ways, the faster is the baseline (conservative): one copy of the whole stream, and 1 MiB copies
        // (closer to the writer's per-buffer copies); on the loaded machine either can win.
        var wholeSeconds = Measure.BestSeconds(() => ipc.Span.CopyTo(copy), runs);
        var chunkedSeconds = Measure.BestSeconds(() => CopyChunks(ipc.Span, copy), runs);
        var memcpySeconds = Math.Min(wholeSeconds, chunkedSeconds);
        var memcpy = ipcBytes / memcpySeconds / 1e9;
        Console.WriteLine($"  memcpy: whole {ipcBytes / wholeSeconds / 1e9:0.00} GB/s, 1 MiB chunks {ipcBytes / chunkedSeconds / 1e9:0.00} GB/s");

        var readRows = 0L;
        var readSeconds = Measure.BestSeconds(() => readRows = Read(ipc), runs);
        if (readRows != rows)
        {
            throw new InvalidOperationException($"read {readRows} rows, wrote {rows}");
        }

        var zstd = new ArrowWriteOptions { Compression = CompressionKind.Zstd };
        var zstdSink = new FixedBufferWriter(GC.AllocateUninitializedArray<byte>(capacity, pinned: true));
        var zstdSeconds = Measure.BestSeconds(() => Write(zstdSink, schema, batches, zstd), Math.Min(runs, 3));
        var zstdBytes = zstdSink.WrittenCount;
        Verify(zstdSink.WrittenMemory, rows);
        var zstdReadSeconds = Measure.BestSeconds(() => readRows = Read(zstdSink.WrittenMemory), Math.Min(runs, 3));

        // Overwrites the zstd stream: keep after every use of it.
        var codecSeconds = Measure.BestSeconds(() => CompressChunks(ipc.Span, zstdSink), Math.Min(runs, 3));
        var blocks = new List<int>();
        CompressChunks(ipc.Span, zstdSink, blocks);
        var decodecSeconds = Measure.BestSeconds(() => DecompressChunks(zstdSink.WrittenMemory.Span, blocks, copy), Math.Min(runs, 3));
        if (!copy.AsSpan().SequenceEqual(ipc.Span))
        {
            throw new InvalidOperationException("zstd blocks do not round-trip");
        }

        report.Add(new BenchRow("ipc memcpy (baseline)", "GB/s", memcpy, memcpy, "memcpy", "= 1"));
        report.Add(new BenchRow("ipc write uncompressed", "GB/s", ipcBytes / writeSeconds / 1e9, memcpy, "memcpy", ">= 0.3"));
        report.Add(new BenchRow("ipc read zero-copy + validation", "GB/s", ipcBytes / readSeconds / 1e9, memcpy, "memcpy", ">= 0.5"));
        report.Add(new BenchRow("ipc write zstd (of uncompressed bytes)", "GB/s", ipcBytes / zstdSeconds / 1e9, memcpy, "memcpy", "info"));
        report.Add(new BenchRow("zstd compress alone, 1 MiB blocks (of uncompressed bytes)", "GB/s", ipcBytes / codecSeconds / 1e9, memcpy, "memcpy", "info"));
        report.Add(new BenchRow("zstd decompress alone, 1 MiB blocks (of uncompressed bytes)", "GB/s", ipcBytes / decodecSeconds / 1e9, memcpy, "memcpy", "info"));
        report.Add(new BenchRow("ipc read zstd (of uncompressed bytes)", "GB/s", ipcBytes / zstdReadSeconds / 1e9, memcpy, "memcpy", "info"));
        report.Add(new BenchRow("ipc zstd size / uncompressed size", "bytes", zstdBytes, ipcBytes, "uncompressed IPC", "info"));
    }

    private static void Write(FixedBufferWriter sink, Schema schema, List<RecordBatch> batches, ArrowWriteOptions options)
    {
        sink.Reset();
        using var writer = new ArrowStreamWriter(sink, schema, options);
        foreach (var batch in batches)
        {
            writer.WriteRecordBatch(batch);
        }

        writer.WriteEnd();
    }

    private static void CopyChunks(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        const int Block = 1 << 20;
        for (var offset = 0; offset < source.Length; offset += Block)
        {
            var length = Math.Min(Block, source.Length - offset);
            source.Slice(offset, length).CopyTo(destination.Slice(offset, length));
        }
    }

    /// <summary>The codec by itself over the same bytes, for telling codec cost from IPC overhead.</summary>
    private static void CompressChunks(ReadOnlySpan<byte> source, FixedBufferWriter sink, List<int>? blocks = null)
    {
        sink.Reset();
        const int Block = 1 << 20;
        for (var offset = 0; offset < source.Length; offset += Block)
        {
            var block = source.Slice(offset, Math.Min(Block, source.Length - offset));
            var destination = sink.GetSpan(CompressionCodecs.MaxCompressedLength(CompressionKind.Zstd, block.Length));
            var written = CompressionCodecs.Compress(CompressionKind.Zstd, block, destination);
            sink.Advance(written);
            blocks?.Add(written);
        }
    }

    private static void DecompressChunks(ReadOnlySpan<byte> source, List<int> blocks, Span<byte> destination)
    {
        const int Block = 1 << 20;
        var offset = 0;
        var total = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var length = Math.Min(Block, destination.Length - total);
            CompressionCodecs.Decompress(CompressionKind.Zstd, source.Slice(offset, blocks[i]), destination.Slice(total, length));
            offset += blocks[i];
            total += length;
        }
    }

    private static void Verify(ReadOnlyMemory<byte> bytes, long rows)
    {
        if (Read(bytes) != rows)
        {
            throw new InvalidOperationException("zstd stream does not read back");
        }
    }

    private static long Read(ReadOnlyMemory<byte> bytes)
    {
        using var reader = new ArrowStreamReader(bytes);
        var rows = 0L;
        while (reader.ReadNextBatch() is { } batch)
        {
            rows += batch.Length;
        }

        return rows;
    }
}
