using System.Numerics;
using System.Runtime.InteropServices;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;
using Lakehouse.Parquet.Schemas;

namespace Lakehouse.Parquet.Reading;

/// <summary>
/// Turns decoded columns (levels + dense values) into Arrow arrays following the <see cref="ArrowNode"/>
/// tree: struct validity and list offsets come from the levels of the node's first leaf, leaf values are
/// spread over their slots with nulls in between.
/// </summary>
internal static partial class ArrayAssembler
{
    public static ArrayData Build(ArrowNode node, DecodedColumn?[] columns, string? source)
    {
        var column = columns[node.FirstLeaf.ColumnIndex] ?? throw new InvalidOperationException($"column {node.FirstLeaf.DottedPath} was not decoded");
        var levels = new LevelView(column, node.FirstLeaf.DefinitionLevel);
        return node.Kind switch
        {
            ArrowNodeKind.Leaf => BuildLeaf(node, column, levels, source),
            ArrowNodeKind.Struct => BuildStruct(node, levels, columns, source),
            _ => BuildList(node, levels, columns, source),
        };
    }

    private static ArrayData BuildStruct(ArrowNode node, LevelView levels, DecodedColumn?[] columns, string? source)
    {
        var validity = new BitmapBuilder();
        var slots = 0;
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels.IsSlot(i, node.SlotRepetition, node.SlotDefinition))
            {
                validity.Append(levels.Def(i) >= node.ValidDefinition);
                slots++;
            }
        }

        var children = new ArrayData[node.Children.Count];
        for (var c = 0; c < children.Length; c++)
        {
            children[c] = Build(node.Children[c], columns, source);
            if (children[c].Length != slots)
            {
                throw new CorruptFileException(source, -1, $"struct '{node.SchemaNode.DottedPath}': child '{node.Children[c].Field.Name}' has {children[c].Length} values, expected {slots}");
            }
        }

        var nulls = validity.UnsetCount;
        var bitmap = nulls == 0 ? ArrowBuffer.Empty : validity.Build();
        return new ArrayData(node.Field.Type, slots, nulls, 0, [bitmap], children);
    }

    private static ArrayData BuildList(ArrowNode node, LevelView levels, DecodedColumn?[] columns, string? source)
    {
        var element = node.Children[0];
        if (levels.Definition.Length == levels.Count && levels.Repetition.Length == levels.Count && levels.Count < (1 << 28))
        {
            return BuildListFromSpans(node, element, levels.Definition, levels.Repetition, columns, source);
        }

        var validity = new BitmapBuilder();
        var offsets = new BufferBuilder((int)Math.Min((levels.Count + 1L) * 4, 1 << 30));
        var elements = 0;
        var slots = 0;
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels.IsSlot(i, node.SlotRepetition, node.SlotDefinition))
            {
                offsets.Append(elements);
                validity.Append(levels.Def(i) >= node.ValidDefinition);
                slots++;
            }

            if (levels.IsSlot(i, element.SlotRepetition, element.SlotDefinition))
            {
                elements++;
            }
        }

        offsets.Append(elements);
        var child = Build(element, columns, source);
        if (child.Length != elements)
        {
            throw new CorruptFileException(source, -1, $"list '{node.SchemaNode.DottedPath}' has {elements} elements but its values hold {child.Length}");
        }

        var nulls = validity.UnsetCount;
        var bitmap = nulls == 0 ? ArrowBuffer.Empty : validity.Build();
        return new ArrayData(node.Field.Type, slots, nulls, 0, [bitmap, offsets.Build()], [child]);
    }

    /// <summary>
    /// <see cref="BuildList"/> over full definition and repetition levels: offsets and validity bits are
    /// written straight into spans reserved for the worst case (one slot per level).
    /// </summary>
    private static ArrayData BuildListFromSpans(ArrowNode node, ArrowNode element, ReadOnlySpan<int> definition, ReadOnlySpan<int> repetition, DecodedColumn?[] columns, string? source)
    {
        var count = definition.Length;
        var offsets = new BufferBuilder((count + 1) * 4);
        var offsetSpan = MemoryMarshal.Cast<byte, int>(offsets.GetSpan((count + 1) * 4))[..(count + 1)];
        var validityBytes = (count + 7) >> 3;
        var validity = new BufferBuilder(validityBytes);
        var bits = validity.GetSpan(validityBytes)[..validityBytes];
        bits.Clear();
        int slotRep = node.SlotRepetition, slotDef = node.SlotDefinition, validDef = node.ValidDefinition;
        int elementRep = element.SlotRepetition, elementDef = element.SlotDefinition;
        var elements = 0;
        var slots = 0;
        var valid = 0;
        for (var i = 0; i < count; i++)
        {
            var r = repetition[i];
            var d = definition[i];
            if (r <= slotRep && d >= slotDef)
            {
                offsetSpan[slots] = elements;
                if (d >= validDef)
                {
                    bits[slots >> 3] |= (byte)(1 << (slots & 7));
                    valid++;
                }

                slots++;
            }

            if (r <= elementRep && d >= elementDef)
            {
                elements++;
            }
        }

        offsetSpan[slots] = elements;
        offsets.Advance((slots + 1) * 4);
        var child = Build(element, columns, source);
        if (child.Length != elements)
        {
            throw new CorruptFileException(source, -1, $"list '{node.SchemaNode.DottedPath}' has {elements} elements but its values hold {child.Length}");
        }

        var nulls = slots - valid;
        var bitmap = ArrowBuffer.Empty;
        if (nulls > 0)
        {
            validity.Advance((slots + 7) >> 3);
            bitmap = validity.Build();
        }

        return new ArrayData(node.Field.Type, slots, nulls, 0, [bitmap, offsets.Build()], [child]);
    }

    private static ArrayData BuildLeaf(ArrowNode node, DecodedColumn column, LevelView levels, string? source)
    {
        var leaf = node.SchemaNode;
        var maxDef = leaf.DefinitionLevel;

        // Slots and their validity.
        BitmapBuilder? validity = null;
        var slots = levels.Count;
        var allSlots = node.SlotDefinition == 0 && leaf.RepetitionLevel == 0;
        var packedNulls = 0;
        var packed = ArrowBuffer.Empty;
        if (maxDef > 0 && allSlots && levels.Definition.Length == levels.Count)
        {
            // Flat optional column: every level is a slot; pack the validity 8 levels per byte.
            packedNulls = PackValidity(levels.Definition, maxDef, out packed);
        }
        else if (maxDef > 0)
        {
            validity = new BitmapBuilder();
            slots = 0;
            for (var i = 0; i < levels.Count; i++)
            {
                if (allSlots || levels.IsSlot(i, node.SlotRepetition, node.SlotDefinition))
                {
                    validity.Append(levels.Def(i) == maxDef);
                    slots++;
                }
            }
        }

        var present = slots - (validity?.UnsetCount ?? packedNulls);
        var dense = column.DictionaryIndices is not null ? column.DictionaryIndices.Length / 4 : column.ValueCount;
        if (present != dense)
        {
            throw new CorruptFileException(source, -1, $"column '{leaf.DottedPath}': levels announce {present} values but the pages hold {dense}");
        }

        var nulls = validity?.UnsetCount ?? packedNulls;
        var bitmap = nulls == 0 ? ArrowBuffer.Empty : validity?.Build() ?? packed;
        var bits = bitmap.IsEmpty ? ReadOnlySpan<byte>.Empty : bitmap.Span;
        var type = node.Field.Type;
        if (type.Id == ArrowTypeId.Null)
        {
            return new ArrayData(type, slots, slots, 0, []);
        }

        if (type is DictionaryType dictType)
        {
            return BuildDictionary(dictType, column, slots, nulls, bitmap);
        }

        if (column.Booleans is { } booleans)
        {
            var values = new BitmapBuilder();
            var j = 0;
            for (var i = 0; i < slots; i++)
            {
                values.Append(!bits.IsEmpty && !BitUtil.GetBit(bits, i) ? false : booleans.Get(j++));
            }

            return new ArrayData(type, slots, nulls, 0, [bitmap, values.Build()]);
        }

        if (type.Id is ArrowTypeId.Utf8 or ArrowTypeId.Binary)
        {
            var offsets = column.Offsets!;
            if (nulls > 0)
            {
                offsets = SpreadOffsets(offsets.AsSpan<int>(), bits, slots);
            }

            return new ArrayData(type, slots, nulls, 0, [bitmap, offsets.Build(), column.Values.Build()]);
        }

        var width = type.BitWidth / 8;
        var converted = LeafConversion.ToArrowValues(leaf, type, column, source);
        if (nulls > 0)
        {
            SpreadFixed(converted, bits, slots, width);
        }

        return new ArrayData(type, slots, nulls, 0, [bitmap, converted.Build()]);
    }

    private static ArrayData BuildDictionary(DictionaryType type, DecodedColumn column, int slots, int nulls, ArrowBuffer bitmap)
    {
        BufferBuilder indices;
        ArrayData dictionary;
        if (column.DictionaryIndices is { } kept && column.Dictionary is { } dict)
        {
            indices = kept;
            var offsets = new BufferBuilder((dict.Count + 1) * 4);
            offsets.Append(dict.ValueOffsets);
            var data = new BufferBuilder(dict.ValueBytes.Length + 1);
            data.Append(dict.ValueBytes);
            dictionary = new ArrayData(type.ValueType, dict.Count, 0, 0, [ArrowBuffer.Empty, offsets.Build(), data.Build()]);
        }
        else
        {
            // Not dictionary-encoded in the file: the plain values become the dictionary.
            indices = new BufferBuilder(column.ValueCount * 4);
            for (var i = 0; i < column.ValueCount; i++)
            {
                indices.Append(i);
            }

            dictionary = new ArrayData(type.ValueType, column.ValueCount, 0, 0, [ArrowBuffer.Empty, column.Offsets!.Build(), column.Values.Build()]);
        }

        if (nulls > 0)
        {
            SpreadFixed(indices, bitmap.Span, slots, 4);
        }

        return new ArrayData(type, slots, nulls, 0, [bitmap, indices.Build()], null, dictionary);
    }

    /// <summary>Validity bits (level == <paramref name="maxDef"/>) of every level; returns the null count.</summary>
    private static int PackValidity(ReadOnlySpan<int> definition, int maxDef, out ArrowBuffer bitmap)
    {
        var count = definition.Length;
        var byteCount = (count + 7) >> 3;
        var builder = new BufferBuilder(byteCount);
        var dst = builder.GetSpan(byteCount)[..byteCount];
        var set = 0;
        var full = count >> 3;
        for (var b = 0; b < full; b++)
        {
            var levels = definition.Slice(b << 3, 8);
            var v = 0;
            for (var k = 0; k < 8; k++)
            {
                v |= (levels[k] == maxDef ? 1 : 0) << k;
            }

            dst[b] = (byte)v;
            set += BitOperations.PopCount((uint)v);
        }

        if (full < byteCount)
        {
            var v = 0;
            for (var i = full << 3; i < count; i++)
            {
                v |= (definition[i] == maxDef ? 1 : 0) << (i & 7);
            }

            dst[full] = (byte)v;
            set += BitOperations.PopCount((uint)v);
        }

        builder.Advance(byteCount);
        bitmap = builder.Build();
        return count - set;
    }

    /// <summary>Moves dense fixed-width values to their slots (in place, back to front), leaving zeros at nulls.</summary>
    private static void SpreadFixed(BufferBuilder values, ReadOnlySpan<byte> validity, int slots, int width)
    {
        var denseBytes = values.Length;
        values.SetLength(slots * width);
        var span = values.WrittenSpan;
        var j = (denseBytes / Math.Max(width, 1)) - 1;
        for (var i = slots - 1; i >= 0; i--)
        {
            var dst = span.Slice(i * width, width);
            if (BitUtil.GetBit(validity, i))
            {
                if (j != i)
                {
                    span.Slice(j * width, width).CopyTo(dst);
                }

                j--;
            }
            else
            {
                dst.Clear();
            }
        }
    }

    private static BufferBuilder SpreadOffsets(ReadOnlySpan<int> dense, ReadOnlySpan<byte> validity, int slots)
    {
        var result = new BufferBuilder((slots + 1) * 4);
        var dst = MemoryMarshal.Cast<byte, int>(result.GetSpan((slots + 1) * 4))[..(slots + 1)];
        dst[0] = dense[0];
        var j = 0;
        for (var i = 0; i < slots; i++)
        {
            j += (validity[i >> 3] >> (i & 7)) & 1;
            dst[i + 1] = dense[j];
        }

        result.Advance((slots + 1) * 4);
        return result;
    }
}
