using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>
/// Generic traversal of syntax trees (for analyses such as "does this expression contain an aggregate?").
/// Children are found through the node's properties (cached per type), so this suits binding-time work,
/// not per-row code. Traversal is iterative: deep trees do not recurse.
/// </summary>
public static class SyntaxTree
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> s_childProperties = new();

    /// <summary>The direct children of <paramref name="node"/>, in property (source) order.</summary>
    public static IEnumerable<Node> Children(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        foreach (var property in s_childProperties.GetOrAdd(node.GetType(), FindChildProperties))
        {
            foreach (var child in Flatten(property.GetValue(node)))
            {
                yield return child;
            }
        }
    }

    /// <summary><paramref name="node"/> and everything below it, parents before children, left to right.</summary>
    public static IEnumerable<Node> DescendantsAndSelf(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var stack = new Stack<Node>();
        stack.Push(node);
        var buffer = new List<Node>();
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            buffer.Clear();
            buffer.AddRange(Children(current));
            for (var i = buffer.Count - 1; i >= 0; i--)
            {
                stack.Push(buffer[i]);
            }
        }
    }

    private static PropertyInfo[] FindChildProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (typeof(Node).IsAssignableFrom(p.PropertyType) || IsSyntaxList(p.PropertyType)))
            .ToArray();

    private static bool IsSyntaxList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SyntaxList<>);

    private static IEnumerable<Node> Flatten(object? value)
    {
        switch (value)
        {
            case Node node:
                yield return node;
                break;
            case IEnumerable items when value.GetType().IsGenericType && IsSyntaxList(value.GetType()):
                foreach (var item in items)
                {
                    foreach (var child in Flatten(item))
                    {
                        yield return child;
                    }
                }

                break;
        }
    }
}
