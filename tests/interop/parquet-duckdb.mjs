// DuckDB as the Parquet oracle for the Lakehouse.Parquet tests.
//
//   node parquet-duckdb.mjs rows FILE...        one JSON line per file: {file, columns, rows} or {file, error}
//   node parquet-duckdb.mjs sql "SQL"           the rows of a query as one JSON line {columns, rows}
//   node parquet-duckdb.mjs exec "SQL"          runs statements (e.g. COPY ... TO 'x.parquet'), prints {ok:true}
//   node parquet-duckdb.mjs exec-rows "SQL" FILE runs the statements, then prints FILE's rows like `rows`
//
// Values are printed in a canonical form that the C# side reproduces from Arrow arrays:
//   null, booleans, strings as themselves; integers (any width) as decimal strings; floating point as JSON
//   numbers, except integral values (decimal string) and NaN/Infinity ("NaN", "Infinity", "-Infinity");
//   decimals "D:<unscaled>/<scale>" with trailing zeros removed; dates "date:<days>"; times "time:<ns>";
//   timestamps (every unit, with or without time zone) "ts:<ns since epoch>"; blobs "hex:<lowercase hex>";
//   uuids "uuid:<canonical text>"; lists as arrays; structs as objects; maps as arrays of [key, value].
import {
  DuckDBInstance, DuckDBDecimalValue, DuckDBDateValue, DuckDBTimeValue, DuckDBTimeNSValue, DuckDBTimestampValue,
  DuckDBTimestampTZValue, DuckDBTimestampNanosecondsValue, DuckDBTimestampMillisecondsValue, DuckDBTimestampSecondsValue,
  DuckDBBlobValue, DuckDBListValue, DuckDBArrayValue, DuckDBStructValue, DuckDBMapValue, DuckDBUUIDValue, DuckDBIntervalValue,
  DuckDBGeometryValue,
} from '@duckdb/node-api';

function canonNumber(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(v) && Math.abs(v) < 2 ** 53) return String(v === 0 ? 0 : v);
  return v;
}

function canonDecimal(value, scale) {
  let unscaled = value;
  let s = scale;
  while (s > 0 && unscaled % 10n === 0n) {
    unscaled /= 10n;
    s -= 1;
  }
  return `D:${unscaled}/${s}`;
}

function hex(bytes) {
  return Buffer.from(bytes).toString('hex');
}

export function canon(v) {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'boolean': return v;
    case 'bigint': return v.toString();
    case 'number': return canonNumber(v);
    case 'string': return v;
    default: break;
  }
  if (v instanceof DuckDBDecimalValue) return canonDecimal(v.value, v.scale);
  if (v instanceof DuckDBDateValue) return `date:${v.days}`;
  if (v instanceof DuckDBTimeValue) return `time:${v.micros * 1000n}`;
  if (v instanceof DuckDBTimeNSValue) return `time:${v.nanos}`;
  if (v instanceof DuckDBTimestampValue || v instanceof DuckDBTimestampTZValue) return `ts:${v.micros * 1000n}`;
  if (v instanceof DuckDBTimestampNanosecondsValue) return `ts:${v.nanos}`;
  if (v instanceof DuckDBTimestampMillisecondsValue) return `ts:${v.millis * 1000000n}`;
  if (v instanceof DuckDBTimestampSecondsValue) return `ts:${v.seconds * 1000000000n}`;
  if (v instanceof DuckDBBlobValue || v instanceof DuckDBGeometryValue) return `hex:${hex(v.bytes)}`;
  if (v instanceof DuckDBUUIDValue) return `uuid:${v.toString()}`;
  if (v instanceof DuckDBListValue || v instanceof DuckDBArrayValue) return v.items.map(canon);
  if (v instanceof DuckDBStructValue) {
    const o = {};
    for (const [k, x] of Object.entries(v.entries)) o[k] = canon(x);
    return o;
  }
  if (v instanceof DuckDBMapValue) return v.entries.map((e) => [canon(e.key), canon(e.value)]);
  if (v instanceof DuckDBIntervalValue) return `interval:${v.months},${v.days},${v.micros}`;
  return String(v);
}

async function rows(connection, sql) {
  const reader = await connection.runAndReadAll(sql);
  const columns = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.toString());
  const out = reader.getRows().map((r) => r.map(canon));
  return { columns, types, rows: out };
}

function quote(path) {
  return `'${path.replaceAll("'", "''")}'`;
}

const [mode, ...args] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
if (mode === 'rows') {
  for (const file of args) {
    try {
      const r = await rows(connection, `SELECT * FROM read_parquet(${quote(file)})`);
      process.stdout.write(JSON.stringify({ file, ...r }) + '\n');
    } catch (e) {
      process.stdout.write(JSON.stringify({ file, error: String(e.message ?? e) }) + '\n');
    }
  }
} else if (mode === 'sql') {
  process.stdout.write(JSON.stringify(await rows(connection, args[0])) + '\n');
} else if (mode === 'exec-rows') {
  await connection.run(args[0]);
  const r = await rows(connection, `SELECT * FROM read_parquet(${quote(args[1])})`);
  process.stdout.write(JSON.stringify({ file: args[1], ...r }) + '\n');
} else if (mode === 'exec') {
  await connection.run(args[0]);
  process.stdout.write('{"ok":true}\n');
} else {
  process.stderr.write('usage: parquet-duckdb.mjs rows FILE... | sql SQL | exec SQL\n');
  process.exit(2);
}
