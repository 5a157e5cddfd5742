// hyparquet as a second Parquet oracle: prints the requested columns of a file as one JSON line {rows}.
//   node parquet-hyparquet.mjs FILE col1,col2,...
// Canonical values (a subset of parquet-duckdb.mjs's): null, booleans, strings as themselves; integers as
// decimal strings; floating point as JSON numbers except integral values (decimal string) and NaN/Infinity
// as strings; bytes "hex:<lowercase hex>"; lists as arrays; structs as objects.
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet/src/node.js';

function canon(v) {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'boolean': return v;
    case 'bigint': return v.toString();
    case 'string': return v;
    case 'number':
      if (Number.isNaN(v)) return 'NaN';
      if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
      if (Number.isInteger(v) && Math.abs(v) < 2 ** 53) return String(v === 0 ? 0 : v);
      return v;
    default: break;
  }
  if (v instanceof Uint8Array) return `hex:${Buffer.from(v).toString('hex')}`;
  if (Array.isArray(v)) return v.map(canon);
  if (v instanceof Date) return `ms:${v.getTime()}`;
  const o = {};
  for (const [k, x] of Object.entries(v)) o[k] = canon(x);
  return o;
}

const [file, columnList] = process.argv.slice(2);
const columns = columnList.split(',');
const rows = await parquetReadObjects({ file: await asyncBufferFromFile(file), columns, utf8: false });
process.stdout.write(JSON.stringify({ rows: rows.map((r) => columns.map((c) => canon(r[c]))) }) + '\n');
