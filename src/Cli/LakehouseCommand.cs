using System.CommandLine;

namespace Lakehouse.Cli;

/// <summary>The root of the <c>lakehouse</c> command tree.</summary>
public static class LakehouseCommand
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("Lakehouse: an Iceberg-compatible lakehouse server with a vectorized SQL engine.");
        return root.Parse(args).Invoke();
    }
}
