namespace Lakehouse.Arrow.Types;

/// <summary>Union layout (Schema.fbs UnionMode).</summary>
public enum UnionMode
{
    Sparse = 0,
    Dense = 1,
}
