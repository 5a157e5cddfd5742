namespace Lakehouse.Cli;

public static class Program
{
    public static int Main(string[] args) => LakehouseCommand.Run(args);
}
