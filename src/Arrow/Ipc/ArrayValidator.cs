using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Unicode;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Ipc;

/// <summary>
/// Full structural validation of decoded arrays (what Arrow C++ calls ValidateFull): buffer sizes against
/// lengths, offsets monotonic and inside their data, child lengths, union type codes and offsets,
/// dictionary indices, view references and run ends. Problems become <see cref="CorruptFileException"/>
/// naming the field path. UTF-8 validity of strings is checked only on request (off by default, like the
/// readers: string accessors decode with replacement characters, so invalid bytes are not unsafe).
/// </summary>
public static class ArrayValidator
{
    public static void Validate(ArrayData data, string path, string? source = null, bool validateUtf8 = false) =>
        new Walker(source, validateUtf8).Validate(data, path, 0);

    private readonly struct Walker(string? source, bool validateUtf8)
    {
        private CorruptFileException Bad(string path, string problem) => new(source, -1, $"field '{path}': {problem}");

        public void Validate(ArrayData data, string path, int depth)
        {
            if (depth > 64)
            {
                throw Bad(path, "nesting too deep");
            }

            var type = data.Type;
            long end = (long)data.Offset + data.Length;
            if (end > int.MaxValue)
            {
                throw Bad(path, "offset + length overflows");
            }

            switch (type.Id)
            {
                case ArrowTypeId.Null:
                    return;
                case ArrowTypeId.SparseUnion or ArrowTypeId.DenseUnion:
                    ValidateUnion(data, (UnionType)type, path, depth);
                    return;
                case ArrowTypeId.RunEndEncoded:
                    ValidateRunEnds(data, path, depth);
                    return;
            }

            RequireBuffers(data, path, type.Id switch
            {
                ArrowTypeId.Binary or ArrowTypeId.Utf8 or ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8 => 3,
                ArrowTypeId.ListView or ArrowTypeId.LargeListView => 3,
                ArrowTypeId.BinaryView or ArrowTypeId.Utf8View => 2,
                ArrowTypeId.Struct or ArrowTypeId.FixedSizeList => 1,
                _ => 2,
            });
            ValidateValidity(data, path);
            switch (type)
            {
                case DictionaryType dict:
                    RequireBytes(data.Buffers[1], end * (dict.IndexType.BitWidth / 8), path, "dictionary indices");
                    if (data.Dictionary is null)
                    {
                        throw Bad(path, "dictionary-encoded array without a dictionary");
                    }

                    ValidateIndices(data, dict, path);
                    return;
                case BinaryType { IsView: true } bv:
                    ValidateViews(data, path);
                    if (validateUtf8 && bv.IsString)
                    {
                        ValidateUtf8(ArrowArray.Create(data), path);
                    }

                    return;
                case BinaryType bt:
                    ValidateOffsets(data, bt.IsLarge ? 8 : 4, data.Buffers[2].Length, path, "data");
                    if (validateUtf8 && bt.IsString)
                    {
                        ValidateUtf8(ArrowArray.Create(data), path);
                    }

                    return;
                case ListType { IsView: true } lv:
                    ValidateListViews(data, lv.IsLarge ? 8 : 4, path, depth);
                    return;
                case ListType or MapType:
                {
                    RequireChildren(data, 1, path);
                    var child = data.Children[0];
                    ValidateOffsets(data, type is ListType { IsLarge: true } ? 8 : 4, child.Length, path, "child");
                    if (type is MapType && child.NullCount != 0)
                    {
                        throw Bad(path, "map entries must not be null");
                    }

                    Validate(child, path + "." + ChildName(type, 0), depth + 1);
                    return;
                }

                case FixedSizeListType fl:
                {
                    RequireChildren(data, 1, path);
                    if (data.Children[0].Length < end * fl.ListSize)
                    {
                        throw Bad(path, $"child has {data.Children[0].Length} values, {end * fl.ListSize} needed for {end} lists of {fl.ListSize}");
                    }

                    Validate(data.Children[0], path + "." + fl.ValueField.Name, depth + 1);
                    return;
                }

                case StructType st:
                    RequireChildren(data, st.Fields.Count, path);
                    for (var i = 0; i < st.Fields.Count; i++)
                    {
                        if (data.Children[i].Length < end)
                        {
                            throw Bad(path, $"child {i} has {data.Children[i].Length} values, the struct needs {end}");
                        }

                        Validate(data.Children[i], path + "." + st.Fields[i].Name, depth + 1);
                    }

                    return;
                case FixedSizeBinaryType fsb:
                    RequireBytes(data.Buffers[1], end * fsb.ByteWidth, path, "values");
                    return;
                case PrimitiveType { Id: ArrowTypeId.Boolean }:
                    RequireBytes(data.Buffers[1], (end + 7) / 8, path, "boolean values");
                    return;
                default:
                    if (type.BitWidth <= 0)
                    {
                        throw Bad(path, $"cannot validate type {type}");
                    }

                    RequireBytes(data.Buffers[1], end * (type.BitWidth / 8), path, "values");
                    return;
            }
        }

        private void ValidateUtf8(ArrowArray array, string path)
        {
            for (var i = 0; i < array.Length; i++)
            {
                if (!array.IsValid(i))
                {
                    continue;
                }

                var bytes = array switch
                {
                    BinaryArray b => b.GetBytes(i),
                    LargeBinaryArray l => l.GetBytes(i),
                    _ => ((BinaryViewArray)array).GetBytes(i),
                };
                if (!Utf8.IsValid(bytes))
                {
                    throw Bad(path, $"string at slot {i} is not valid UTF-8");
                }
            }
        }

        private static string ChildName(ArrowType type, int index) => SchemaWriter.ChildFields(type)[index].Name;

        private void RequireBuffers(ArrayData data, string path, int count)
        {
            if (data.Buffers.Length < count)
            {
                throw Bad(path, $"{data.Type} needs {count} buffers, found {data.Buffers.Length}");
            }
        }

        private void RequireChildren(ArrayData data, int count, string path)
        {
            if (data.Children.Length != count)
            {
                throw Bad(path, $"{data.Type} needs {count} children, found {data.Children.Length}");
            }
        }

        private void RequireBytes(ArrowBuffer buffer, long bytes, string path, string what)
        {
            if (buffer.Length < bytes)
            {
                throw Bad(path, $"{what} buffer has {buffer.Length} bytes, {bytes} needed");
            }
        }

        private void ValidateValidity(ArrayData data, string path)
        {
            var validity = data.Buffers[0];
            if (validity.IsEmpty)
            {
                if (data.NullCount != 0)
                {
                    throw Bad(path, $"null count {data.NullCount} without a validity bitmap");
                }

                return;
            }

            RequireBytes(validity, ((long)data.Offset + data.Length + 7) / 8, path, "validity");
            var nulls = data.Length - BitUtil.CountSetBits(validity.Span, data.Offset, data.Length);
            if (nulls != data.NullCount)
            {
                throw Bad(path, $"null count {data.NullCount} does not match the validity bitmap ({nulls} nulls)");
            }
        }

        private void ValidateOffsets(ArrayData data, int width, long limit, string path, string what)
        {
            if (data.Length == 0 && data.Buffers[1].Length == 0)
            {
                return;
            }

            var count = (long)data.Offset + data.Length + 1;
            RequireBytes(data.Buffers[1], count * width, path, "offsets");
            var bytes = data.Buffers[1].Span[..(int)(count * width)];
            long previous;
            int bad;
            if (width == 4)
            {
                var offsets = MemoryMarshal.Cast<byte, int>(bytes)[data.Offset..];
                bad = FirstDecrease(offsets);
                previous = offsets[bad < 0 ? ^1 : bad];
            }
            else
            {
                var offsets = MemoryMarshal.Cast<byte, long>(bytes)[data.Offset..];
                bad = FirstDecrease(offsets);
                previous = offsets[bad < 0 ? ^1 : bad];
            }

            if (bad == 0)
            {
                throw Bad(path, $"first offset {previous} is negative");
            }

            if (bad > 0)
            {
                throw Bad(path, $"offsets decrease at slot {bad - 1} (to {previous})");
            }

            if (previous > limit)
            {
                throw Bad(path, $"last offset {previous} exceeds the {limit} {what} values available");
            }
        }

        /// <summary>Index of the first offset that is negative (0) or smaller than its predecessor, or -1.</summary>
        private static int FirstDecrease<T>(ReadOnlySpan<T> offsets)
            where T : unmanaged, System.Numerics.INumber<T>
        {
            if (T.IsNegative(offsets[0]))
            {
                return 0;
            }

            for (var i = 1; i < offsets.Length; i++)
            {
                if (offsets[i] < offsets[i - 1])
                {
                    return i;
                }
            }

            return -1;
        }

        private static long Read(ReadOnlySpan<byte> span, long index, int width) => width == 4
            ? BinaryPrimitives.ReadInt32LittleEndian(span[(int)(index * 4)..])
            : BinaryPrimitives.ReadInt64LittleEndian(span[(int)(index * 8)..]);

        private void ValidateListViews(ArrayData data, int width, string path, int depth)
        {
            RequireChildren(data, 1, path);
            var end = (long)data.Offset + data.Length;
            RequireBytes(data.Buffers[1], end * width, path, "offsets");
            RequireBytes(data.Buffers[2], end * width, path, "sizes");
            var child = data.Children[0];
            var validity = data.Buffers[0];
            for (long i = data.Offset; i < end; i++)
            {
                if (!validity.IsEmpty && !BitUtil.GetBit(validity.Span, (int)i))
                {
                    continue;
                }

                var offset = Read(data.Buffers[1].Span, i, width);
                var size = Read(data.Buffers[2].Span, i, width);
                if (offset < 0 || size < 0 || size > child.Length || offset > child.Length - size)
                {
                    throw Bad(path, $"list view at slot {i - data.Offset} [{offset}, +{size}) is outside the child of {child.Length} values");
                }
            }

            Validate(child, path + "." + ((ListType)data.Type).ValueField.Name, depth + 1);
        }

        private void ValidateViews(ArrayData data, string path)
        {
            var end = (long)data.Offset + data.Length;
            RequireBytes(data.Buffers[1], end * 16, path, "views");
            var views = data.Buffers[1].Span;
            var validity = data.Buffers[0];
            var variadic = data.Buffers.Length - 2;
            for (var i = data.Offset; i < end; i++)
            {
                if (!validity.IsEmpty && !BitUtil.GetBit(validity.Span, i))
                {
                    continue;
                }

                var view = views.Slice(i * 16, 16);
                var length = BinaryPrimitives.ReadInt32LittleEndian(view);
                if (length < 0)
                {
                    throw Bad(path, $"view at slot {i - data.Offset} has negative length {length}");
                }

                if (length <= 12)
                {
                    continue;
                }

                var bufferIndex = BinaryPrimitives.ReadInt32LittleEndian(view[8..]);
                var offset = BinaryPrimitives.ReadInt32LittleEndian(view[12..]);
                if (bufferIndex < 0 || bufferIndex >= variadic)
                {
                    throw Bad(path, $"view at slot {i - data.Offset} refers to data buffer {bufferIndex} of {variadic}");
                }

                var buffer = data.Buffers[2 + bufferIndex];
                if (offset < 0 || (long)offset + length > buffer.Length)
                {
                    throw Bad(path, $"view at slot {i - data.Offset} [{offset}, +{length}) is outside data buffer {bufferIndex} of {buffer.Length} bytes");
                }

                if (!view.Slice(4, 4).SequenceEqual(buffer.Span.Slice(offset, 4)))
                {
                    throw Bad(path, $"view at slot {i - data.Offset} has a prefix that differs from its data");
                }
            }
        }

        private void ValidateIndices(ArrayData data, DictionaryType dict, string path)
        {
            var size = (long)data.Dictionary!.Length;
            var span = data.Buffers[1].Span;
            var validity = data.Buffers[0];
            var width = dict.IndexType.BitWidth / 8;
            var signed = dict.IndexType.IsSignedInteger;
            var end = data.Offset + data.Length;
            for (var i = data.Offset; i < end; i++)
            {
                if (!validity.IsEmpty && !BitUtil.GetBit(validity.Span, i))
                {
                    continue;
                }

                var s = span.Slice(i * width, width);
                long index = width switch
                {
                    1 => signed ? (sbyte)s[0] : s[0],
                    2 => signed ? BinaryPrimitives.ReadInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s),
                    4 => signed ? BinaryPrimitives.ReadInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s),
                    _ => BinaryPrimitives.ReadInt64LittleEndian(s),
                };
                if (index < 0 || index >= size)
                {
                    throw Bad(path, $"dictionary index {index} at slot {i - data.Offset} is outside the dictionary of {size} values");
                }
            }
        }

        private void ValidateUnion(ArrayData data, UnionType union, string path, int depth)
        {
            RequireBuffers(data, path, union.Mode == UnionMode.Dense ? 3 : 2);
            RequireChildren(data, union.Fields.Count, path);
            var end = data.Offset + data.Length;
            RequireBytes(data.Buffers[1], end, path, "type ids");
            var codes = data.Buffers[1].Span;
            if (union.Mode == UnionMode.Dense)
            {
                RequireBytes(data.Buffers[2], (long)end * 4, path, "union offsets");
            }

            for (var i = data.Offset; i < end; i++)
            {
                var code = (sbyte)codes[i];
                var child = code < 0 ? -1 : union.ChildIndexByCode[code];
                if (child < 0)
                {
                    throw Bad(path, $"union type id {code} at slot {i - data.Offset} is not one of the declared type ids");
                }

                if (union.Mode == UnionMode.Dense)
                {
                    var offset = BinaryPrimitives.ReadInt32LittleEndian(data.Buffers[2].Span[(i * 4)..]);
                    if (offset < 0 || offset >= data.Children[child].Length)
                    {
                        throw Bad(path, $"dense union offset {offset} at slot {i - data.Offset} is outside child {child} of {data.Children[child].Length} values");
                    }
                }
            }

            for (var c = 0; c < union.Fields.Count; c++)
            {
                if (union.Mode == UnionMode.Sparse && data.Children[c].Length < end)
                {
                    throw Bad(path, $"sparse union child {c} has {data.Children[c].Length} values, {end} needed");
                }

                Validate(data.Children[c], path + "." + union.Fields[c].Name, depth + 1);
            }
        }

        private void ValidateRunEnds(ArrayData data, string path, int depth)
        {
            RequireChildren(data, 2, path);
            var runEnds = data.Children[0];
            var values = data.Children[1];
            Validate(runEnds, path + ".run_ends", depth + 1);
            Validate(values, path + ".values", depth + 1);
            if (runEnds.NullCount != 0)
            {
                throw Bad(path, "run ends must not be null");
            }

            if (values.Length < runEnds.Length)
            {
                throw Bad(path, $"{runEnds.Length} run ends but only {values.Length} values");
            }

            var end = (long)data.Offset + data.Length;
            if (data.Length == 0)
            {
                return;
            }

            if (runEnds.Length == 0)
            {
                throw Bad(path, "non-empty run-end encoded array has no runs");
            }

            var width = runEnds.Type.BitWidth / 8;
            var span = runEnds.Buffers[1].Span;
            long previous = 0;
            for (var i = runEnds.Offset; i < runEnds.Offset + runEnds.Length; i++)
            {
                var s = span.Slice(i * width, width);
                long current = width switch
                {
                    2 => BinaryPrimitives.ReadInt16LittleEndian(s),
                    4 => BinaryPrimitives.ReadInt32LittleEndian(s),
                    _ => BinaryPrimitives.ReadInt64LittleEndian(s),
                };
                if (current <= previous)
                {
                    throw Bad(path, $"run ends must be positive and strictly increasing ({previous} then {current})");
                }

                previous = current;
            }

            if (previous < end)
            {
                throw Bad(path, $"last run end {previous} is before the array end {end}");
            }
        }
    }
}
