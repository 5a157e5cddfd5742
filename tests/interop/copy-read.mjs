// DuckDB reads a file that our COPY wrote and returns its rows, every value cast to VARCHAR.
//
//   node copy-read.mjs parquet|csv|json FILE
//
// stdout: {"columns": [...], "types": [...], "rows": [[text|null, ...], ...]} (rows in file order).
import { DuckDBInstance } from '@duckdb/node-api';

const [format, file] = process.argv.slice(2);
const path = file.replace(/'/g, "''");
const source = {
  parquet: `read_parquet('${path}')`,
  // "" is an empty string, an empty unquoted field is NULL (RFC 4180 has no NULL; this is our COPY's convention)
  csv: `read_csv('${path}', header = true, allow_quoted_nulls = false, all_varchar = true)`,
  json: `read_json('${path}', format = 'newline_delimited')`,
}[format];
if (!source) throw new Error(`unknown format ${format}`);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run("SET TimeZone = 'UTC'");
const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
const columns = described.getRows().map((r) => String(r[0]));
const types = described.getRows().map((r) => String(r[1]));
// timestamps in the engine's text form (microseconds always shown, as Trino's timestamp(6))
const list = columns.map((c, i) => {
  const q = `"${c.replace(/"/g, '""')}"`;
  return types[i] === 'TIMESTAMP' ? `strftime(${q}, '%Y-%m-%d %H:%M:%S.%f')` : `CAST(${q} AS VARCHAR)`;
}).join(', ');
const reader = await connection.runAndReadAll(`SELECT ${list} FROM ${source}`);
const rows = reader.getRows().map((r) => r.map((v) => (v === null || v === undefined ? null : String(v))));
process.stdout.write(JSON.stringify({ columns, types, rows }));
