// DuckDB side of the SQL differential test (tests/Lakehouse.Sql.Tests/Differential).
//
//   node sql-differential.mjs DATA_DIR < queries.jsonl
//
// Reads one JSON object {"id", "sql"} per line (${DATA} in the SQL is replaced by DATA_DIR) and writes one
// JSON line per query: {"id", "rows": [[text...]...]} or {"id", "error"}. Values are formatted as the C#
// runner formats ours (Logic/ValueFormatter.cs): NULL, true/false, integers, floats rounded to 6 decimals,
// exact decimals, '(empty)' for '', DuckDB's text for dates and timestamps. One DuckDB instance answers the
// whole batch.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

function formatDouble(v) {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  let r = Math.round(v * 1e6) / 1e6;
  if (Object.is(r, -0) || r === 0) r = 0;
  const s = r.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

function format(v, type) {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (/^(DOUBLE|FLOAT|REAL)/.test(type)) return formatDouble(v);
    return String(v);
  }
  if (typeof v === 'string') return v.length === 0 ? '(empty)' : v;
  return v.toString();
}

const [dataDir] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: node sql-differential.mjs DATA_DIR < queries.jsonl');
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
await conn.run("SET TimeZone = 'UTC'");
const input = readFileSync(0, 'utf8');
const out = [];
for (const line of input.split('\n')) {
  if (line.trim() === '') continue;
  const q = JSON.parse(line);
  try {
    const reader = await conn.runAndReadAll(q.sql.replaceAll('${DATA}', dataDir));
    const types = reader.columnTypes().map(t => t.toString());
    const rows = reader.getRows().map(row => row.map((v, i) => format(v, types[i])));
    out.push(JSON.stringify({ id: q.id, rows }));
  } catch (e) {
    out.push(JSON.stringify({ id: q.id, error: String(e.message ?? e) }));
  }
}
process.stdout.write(out.join('\n') + '\n');
