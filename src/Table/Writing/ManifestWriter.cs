using System.Globalization;
using Lakehouse.Avro.Container;
using Lakehouse.Avro.Schema;
using Lakehouse.Table.IO;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Writing;

/// <summary>
/// Writes one format v2 manifest (data or delete files of one partition spec) as an Avro container with the
/// spec's key-value metadata (schema, schema-id, partition-spec, partition-spec-id, format-version, content).
/// New files are written ADDED with snapshot id and sequence numbers left null, to be inherited from the
/// manifest list entry; carried-over files keep theirs explicitly (EXISTING), removed ones are DELETED with the
/// removing snapshot's id. <see cref="CloseAsync"/> returns the manifest list entry, whose sequence numbers
/// are <see cref="Unassigned"/> until the manifest list writer assigns the commit's.
/// </summary>
public sealed class ManifestWriter : IAsyncDisposable
{
    /// <summary>Marks a sequence number the manifest list writer fills in with the commit's.</summary>
    public const long Unassigned = -1;

    private readonly Stream _stream;
    private readonly AvroFileWriter _writer;
    private readonly PartitionSpec _spec;
    private readonly PrimitiveType[] _partitionTypes;
    private readonly PartitionSummaryBuilder _summary;
    private readonly long _snapshotId;
    private readonly ManifestContent _content;
    private int _added;
    private int _existing;
    private int _deleted;
    private long _addedRows;
    private long _existingRows;
    private long _deletedRows;
    private long _minSequenceNumber = long.MaxValue;
    private bool _closed;

    private ManifestWriter(string location, Stream stream, AvroFileWriter writer, PartitionSpec spec, PrimitiveType[] partitionTypes, long snapshotId, ManifestContent content)
    {
        Location = location;
        _stream = stream;
        _writer = writer;
        _spec = spec;
        _partitionTypes = partitionTypes;
        _summary = new PartitionSummaryBuilder(partitionTypes);
        _snapshotId = snapshotId;
        _content = content;
    }

    public string Location { get; }

    /// <summary>Entries written so far.</summary>
    public long Count => _writer.Count;

    /// <summary>Opens a new manifest at <paramref name="file"/> for files of <paramref name="spec"/> (partition types from <paramref name="schema"/>).</summary>
    public static async Task<ManifestWriter> CreateAsync(
        IOutputFile file,
        PartitionSpec spec,
        Schema schema,
        long snapshotId,
        ManifestContent content = ManifestContent.Data,
        CancellationToken cancellationToken = default)
    {
        var partitionType = spec.PartitionType(schema);
        var types = new PrimitiveType[partitionType.Fields.Count];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = (PrimitiveType)partitionType.Fields[i].Type;
        }

        var avroSchema = ManifestAvroSchemas.ManifestEntry(partitionType);
        var options = new AvroFileWriterOptions
        {
            Codec = AvroCodec.Deflate,
            LeaveOpen = true,
            Metadata =
            [
                new("schema", SchemaParser.ToJson(schema)),
                new("schema-id", schema.SchemaId.ToString(CultureInfo.InvariantCulture)),
                new("partition-spec", PartitionSpecParser.FieldsToJson(spec)),
                new("partition-spec-id", spec.SpecId.ToString(CultureInfo.InvariantCulture)),
                new("format-version", "2"),
                new("content", content == ManifestContent.Deletes ? "deletes" : "data"),
            ],
        };
        var stream = await file.CreateAsync(overwrite: false, cancellationToken).ConfigureAwait(false);
        return new ManifestWriter(file.Location, stream, new AvroFileWriter(stream, avroSchema, options), spec, types, snapshotId, content);
    }

    /// <summary>A file added by this commit: snapshot id and sequence numbers are inherited.</summary>
    public void Add(DataFile file)
    {
        Write(ManifestEntryStatus.Added, null, null, null, file);
        _added++;
        _addedRows += file.RecordCount;
    }

    /// <summary>A file carried over from an earlier commit, with its snapshot id and sequence numbers.</summary>
    public void Existing(ManifestEntry entry)
    {
        Write(ManifestEntryStatus.Existing, entry.SnapshotId, entry.SequenceNumber, entry.FileSequenceNumber, entry.DataFile);
        _existing++;
        _existingRows += entry.DataFile.RecordCount;
        TrackSequence(entry.SequenceNumber);
    }

    /// <summary>A file this commit removes: DELETED with this snapshot's id, sequence numbers kept.</summary>
    public void Delete(ManifestEntry entry)
    {
        Write(ManifestEntryStatus.Deleted, _snapshotId, entry.SequenceNumber, entry.FileSequenceNumber, entry.DataFile);
        _deleted++;
        _deletedRows += entry.DataFile.RecordCount;
        TrackSequence(entry.SequenceNumber);
    }

    /// <summary>Finishes the file and returns its manifest list entry.</summary>
    public async Task<ManifestFile> CloseAsync(CancellationToken cancellationToken = default)
    {
        if (_closed)
        {
            throw new InvalidOperationException("manifest already closed");
        }

        _closed = true;
        await _writer.FinishAsync(cancellationToken).ConfigureAwait(false);
        var length = _writer.BytesWritten;
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        return new ManifestFile
        {
            ManifestPath = Location,
            ManifestLength = length,
            PartitionSpecId = _spec.SpecId,
            Content = _content,
            SequenceNumber = Unassigned,
            MinSequenceNumber = _minSequenceNumber == long.MaxValue ? Unassigned : _minSequenceNumber,
            AddedSnapshotId = _snapshotId,
            AddedFilesCount = _added,
            ExistingFilesCount = _existing,
            DeletedFilesCount = _deleted,
            AddedRowsCount = _addedRows,
            ExistingRowsCount = _existingRows,
            DeletedRowsCount = _deletedRows,
            Partitions = _summary.Build(),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            await _writer.DisposeAsync().ConfigureAwait(false);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void TrackSequence(long? sequenceNumber)
    {
        if (sequenceNumber is { } s && s < _minSequenceNumber)
        {
            _minSequenceNumber = s;
        }
    }

    private void Write(ManifestEntryStatus status, long? snapshotId, long? sequenceNumber, long? fileSequenceNumber, DataFile file)
    {
        if (file.SpecId != _spec.SpecId)
        {
            throw IcebergException.Invalid($"file {file.FilePath} has spec id {file.SpecId}; this manifest is for spec {_spec.SpecId}");
        }

        var isDelete = file.Content != FileContent.Data;
        if (isDelete != (_content == ManifestContent.Deletes))
        {
            throw IcebergException.Invalid($"{file.Content} file {file.FilePath} cannot go into a {_content} manifest");
        }

        _summary.Add(file.Partition);
        var partition = new Dictionary<string, object?>(_partitionTypes.Length);
        for (var i = 0; i < _partitionTypes.Length; i++)
        {
            partition[ManifestAvroSchemas.AvroName(_spec.Fields[i].Name)] = PartitionAvroValue(file.Partition[i], _partitionTypes[i]);
        }

        var dataFile = new Dictionary<string, object?>(20)
        {
            ["content"] = (int)file.Content,
            ["file_path"] = file.FilePath,
            ["file_format"] = file.FileFormat,
            ["partition"] = partition,
            ["record_count"] = file.RecordCount,
            ["file_size_in_bytes"] = file.FileSizeInBytes,
            ["column_sizes"] = MapOf(file.ColumnSizes),
            ["value_counts"] = MapOf(file.ValueCounts),
            ["null_value_counts"] = MapOf(file.NullValueCounts),
            ["nan_value_counts"] = MapOf(file.NanValueCounts),
            ["lower_bounds"] = MapOf(file.LowerBounds),
            ["upper_bounds"] = MapOf(file.UpperBounds),
            ["key_metadata"] = file.KeyMetadata,
            ["split_offsets"] = file.SplitOffsets,
            ["equality_ids"] = file.EqualityIds,
            ["sort_order_id"] = file.SortOrderId,
            ["referenced_data_file"] = file.ReferencedDataFile,
        };
        _writer.Append(new Dictionary<string, object?>(5)
        {
            ["status"] = (int)status,
            ["snapshot_id"] = snapshotId,
            ["sequence_number"] = sequenceNumber,
            ["file_sequence_number"] = fileSequenceNumber,
            ["data_file"] = dataFile,
        });
    }

    private static List<Dictionary<string, object?>>? MapOf<T>(IReadOnlyDictionary<int, T>? map)
    {
        if (map is null)
        {
            return null;
        }

        var keys = new List<int>(map.Keys);
        keys.Sort();
        var list = new List<Dictionary<string, object?>>(keys.Count);
        foreach (var k in keys)
        {
            list.Add(new Dictionary<string, object?>(2) { ["key"] = k, ["value"] = map[k] });
        }

        return list;
    }

    /// <summary>A partition value in the Avro representation of its partition type.</summary>
    internal static object? PartitionAvroValue(object? value, PrimitiveType type)
    {
        if (value is null)
        {
            return null;
        }

        return type.TypeId switch
        {
            TypeId.Uuid => Values.Literals.UuidBytes((Guid)value),
            TypeId.Decimal => DecimalFixed((System.Numerics.BigInteger)value, ManifestAvroSchemas.DecimalBytes(type.Precision)),
            _ => value,
        };
    }

    private static byte[] DecimalFixed(System.Numerics.BigInteger unscaled, int size)
    {
        var minimal = unscaled.ToByteArray(isUnsigned: false, isBigEndian: true);
        var result = new byte[size];
        var fill = unscaled.Sign < 0 ? (byte)0xFF : (byte)0;
        result.AsSpan(0, size - minimal.Length).Fill(fill);
        minimal.CopyTo(result.AsSpan(size - minimal.Length));
        return result;
    }
}
