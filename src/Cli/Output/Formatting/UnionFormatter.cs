using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Sparse and dense unions: the selected child's value, written as that child's type (no tag).</summary>
public sealed class UnionFormatter : ValueFormatter
{
    private readonly UnionArray _union;
    private readonly ValueFormatter[] _children;

    public UnionFormatter(UnionArray array, ValueFormatter[] children)
        : base(array)
    {
        _union = array;
        _children = children;
    }

    public override bool IsValid(int index) => _children[_union.ChildIndex(index)].IsValid(_union.ChildOffset(index));

    public override void WriteJson(Utf8Output output, int index) =>
        _children[_union.ChildIndex(index)].WriteJson(output, _union.ChildOffset(index));

    public override void WriteText(Utf8Output output, int index) =>
        _children[_union.ChildIndex(index)].WriteText(output, _union.ChildOffset(index));
}
