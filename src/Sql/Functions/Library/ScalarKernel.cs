using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>The vectorized body of one library overload: arguments already coerced to the overload's types.</summary>
public delegate ColumnVector ScalarKernel(ReadOnlySpan<ColumnVector> arguments, int rowCount, FunctionContext context, SqlType returnType);
