namespace Lakehouse.Flight.Grpc;

/// <summary>A registered method: its path and how to run one call of it.</summary>
internal abstract class ServerMethodDefinition
{
    public abstract string Path { get; }

    public abstract MethodType Type { get; }

    public abstract Task InvokeAsync(ServerCallContext context);
}
