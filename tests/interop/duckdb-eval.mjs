// DuckDB as an oracle for scalar SQL functions.
//
//   node duckdb-eval.mjs < expressions.json
//
// stdin: a JSON array of SQL expressions. stdout: a JSON array, one entry per expression:
// {"value": "<text>"} (the expression cast to VARCHAR; null for SQL NULL) or {"error": "<message>"}.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const expressions = JSON.parse(readFileSync(0, 'utf8'));
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run("SET TimeZone = 'UTC'");
const results = [];
for (const expression of expressions) {
  try {
    const reader = await connection.runAndReadAll(`SELECT CAST((${expression}) AS VARCHAR) AS v`);
    const rows = reader.getRows();
    const v = rows[0][0];
    results.push({ value: v === null || v === undefined ? null : String(v) });
  } catch (e) {
    results.push({ error: String(e.message ?? e) });
  }
}
process.stdout.write(JSON.stringify(results));
