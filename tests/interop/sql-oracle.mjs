// DuckDB as the oracle for the SQL logic tests (tests/sql/**/*.test).
//
//   node sql-oracle.mjs check DATA_DIR FILE...   one JSON line per query record:
//        {file, line, status: "ok" | "diff" | "error" | "skip", expected?, actual?, error?}
//
// Each `query` record is run in DuckDB (with ${DATA} replaced by DATA_DIR) and its rows are formatted the
// way the C# runner formats ours (Logic/ValueFormatter.cs): NULL, true/false, integers, floats rounded to 6
// decimals without trailing zeros, exact decimals, '(empty)' for empty strings, DuckDB's text for dates,
// timestamps, lists and structs. rowsort/valuesort sort as the runner does. Records preceded by a comment
// line "# oracle: skip <reason>" are not checked (documented dialect differences, e.g. Trino's integer
// division, or features DuckDB lacks such as iceberg_scan on local fixtures).
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

function parse(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const records = [];
  let comments = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.startsWith('#')) { comments.push(line); i++; continue; }
    if (line.trim() === '') { comments = []; i++; continue; }
    const header = line.split(' ').filter(x => x.length > 0);
    const start = i + 1;
    i++;
    const sql = [];
    while (i < lines.length && lines[i].trim() !== '' && lines[i] !== '----') { sql.push(lines[i]); i++; }
    let expected = null;
    if (i < lines.length && lines[i] === '----') {
      i++;
      expected = [];
      while (i < lines.length && lines[i].length > 0) { expected.push(lines[i]); i++; }
    }
    records.push({ kind: header[0], mode: header[1], arg: header[2] ?? 'nosort', line: start, sql: sql.join('\n'), expected, comments });
    comments = [];
  }
  return records;
}

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

function arrange(rows, mode) {
  if (mode === 'rowsort') return rows.map(r => r.join('\t')).sort(ordinal);
  if (mode === 'valuesort') return rows.flat().sort(ordinal);
  return rows.map(r => r.join('\t'));
}

function ordinal(a, b) {
  // The C# runner sorts with StringComparer.Ordinal (UTF-16 code units), as JS does.
  return a < b ? -1 : a > b ? 1 : 0;
}

const [cmd, dataDir, ...files] = process.argv.slice(2);
if (cmd !== 'check') {
  console.error('usage: node sql-oracle.mjs check DATA_DIR FILE...');
  process.exit(2);
}

const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
await conn.run("SET TimeZone = 'UTC'");
for (const file of files) {
  const records = parse(readFileSync(file, 'utf8'));
  for (const r of records) {
    if (r.kind !== 'query') continue;
    if (r.comments.some(c => c.startsWith('# oracle: skip'))) {
      console.log(JSON.stringify({ file, line: r.line, status: 'skip' }));
      continue;
    }
    const sql = r.sql.replaceAll('${DATA}', dataDir);
    try {
      const reader = await conn.runAndReadAll(sql);
      const types = reader.columnTypes().map(t => t.toString());
      const rows = reader.getRows().map(row => row.map((v, i) => format(v, types[i])));
      const actual = arrange(rows, r.arg);
      let expected = r.expected ?? [];
      if (r.arg === 'rowsort' || r.arg === 'valuesort') expected = arrange(expected.map(l => l.split('\t')), r.arg);
      const same = actual.length === expected.length && actual.every((x, i) => x === expected[i]);
      console.log(JSON.stringify(same ? { file, line: r.line, status: 'ok' } : { file, line: r.line, status: 'diff', expected, actual }));
    } catch (e) {
      console.log(JSON.stringify({ file, line: r.line, status: 'error', error: String(e.message ?? e) }));
    }
  }
}
