using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Parquet.Writing;

/// <summary>
/// Computes Dremel definition and repetition levels of one leaf from a top-level Arrow array (the inverse of
/// the reader's assembly) and appends them, plus the leaf's non-null values, to a <see cref="ColumnBuffer"/>.
/// </summary>
internal sealed class LevelShredder
{
    private readonly WriteLeaf _leaf;
    private readonly ColumnBuffer _buffer;
    private readonly List<int> _indices = new(1024);
    private ArrowArray? _leafArray;

    private LevelShredder(WriteLeaf leaf, ColumnBuffer buffer)
    {
        _leaf = leaf;
        _buffer = buffer;
    }

    public static void Shred(ArrowArray top, WriteLeaf leaf, ColumnBuffer buffer)
    {
        if (leaf.Steps.Count == 1)
        {
            ShredFlat(top, leaf, buffer);
            return;
        }

        var s = new LevelShredder(leaf, buffer);
        for (var i = 0; i < top.Length; i++)
        {
            s.Visit(top, i, 0, 0, 0);
        }

        if (s._leafArray is not null)
        {
            PhysicalValueWriter.Append(s._leafArray, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(s._indices), leaf, buffer);
        }
    }

    private static void ShredFlat(ArrowArray array, WriteLeaf leaf, ColumnBuffer buffer)
    {
        var n = array.Length;
        if (leaf.MaxDefinition == 0 || array.NullCount == 0)
        {
            if (leaf.MaxDefinition > 0)
            {
                var defs = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(buffer.Definition.GetSpan(n * 4))[..n];
                defs.Fill(1);
                buffer.Definition.Advance(n * 4);
            }

            buffer.LevelCount += n;
            if (PhysicalValueWriter.TryAppendAll(array, buffer))
            {
                return;
            }

            var all = new int[n];
            for (var i = 0; i < n; i++)
            {
                all[i] = i;
            }

            PhysicalValueWriter.Append(array, all, leaf, buffer);
            return;
        }

        var indices = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            if (array.IsValid(i))
            {
                buffer.Definition.Append(1);
                indices.Add(i);
            }
            else
            {
                buffer.Definition.Append(0);
                buffer.NullCount++;
            }
        }

        buffer.LevelCount += n;
        PhysicalValueWriter.Append(array, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(indices), leaf, buffer);
    }

    private void Visit(ArrowArray array, int i, int step, int def, int rep)
    {
        var s = _leaf.Steps[step];
        if (s.Nullable)
        {
            if (array.IsNull(i))
            {
                Emit(def, rep, isValue: false);
                return;
            }

            def++;
        }

        switch (s.Kind)
        {
            case WriteStepKind.Leaf:
                if (_leafArray is null)
                {
                    _leafArray = array;
                }
                else if (!ReferenceEquals(_leafArray, array))
                {
                    throw new InvalidOperationException($"column '{_leaf.DottedPath}': leaf values come from more than one array");
                }

                _indices.Add(i);
                Emit(def, rep, isValue: true);
                return;
            case WriteStepKind.Struct:
                Visit(((StructArray)array).Field(s.ChildIndex), i, step + 1, def, rep);
                return;
            default:
                {
                    var list = (ListArray)array;
                    var offsets = list.ValueOffsets;
                    var start = offsets[i];
                    var end = offsets[i + 1];
                    if (start == end)
                    {
                        Emit(def, rep, isValue: false);
                        return;
                    }

                    var values = list.Values;
                    for (var k = start; k < end; k++)
                    {
                        Visit(values, k, step + 1, def + 1, k == start ? rep : s.RepetitionLevel);
                    }

                    return;
                }
        }
    }

    private void Emit(int def, int rep, bool isValue)
    {
        if (_leaf.MaxDefinition > 0)
        {
            _buffer.Definition.Append(def);
        }

        if (_leaf.MaxRepetition > 0)
        {
            _buffer.Repetition.Append(rep);
        }

        if (!isValue)
        {
            _buffer.NullCount++;
        }

        _buffer.LevelCount++;
    }
}
