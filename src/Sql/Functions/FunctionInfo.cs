namespace Lakehouse.Sql.Functions;

/// <summary>One row of SHOW FUNCTIONS.</summary>
public sealed record FunctionInfo(string Name, FunctionKind Kind, string Signature, string Description);
