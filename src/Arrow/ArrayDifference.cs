namespace Lakehouse.Arrow;

/// <summary>
/// The first difference <see cref="ArrayComparer"/> found: where (<see cref="Path"/>, e.g. <c>tags[3][1].name</c>,
/// and the top-level row <see cref="Index"/>, -1 for whole-array problems such as length or type), what was
/// expected, what was found, and why they differ.
/// </summary>
public sealed record ArrayDifference(string Path, int Index, string Expected, string Actual, string Problem)
{
    public override string ToString() => $"{Problem} at {Path} (row {Index}): expected {Expected}, actual {Actual}";
}
