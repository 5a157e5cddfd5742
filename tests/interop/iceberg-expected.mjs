// Independent oracle for the Iceberg read path: the live row count of a table's current snapshot (or a given one),
// computed without the C# code. Table metadata JSON is parsed here, manifest lists and manifests are read with avro-js,
// delete files are matched by the spec's sequence-number and partition rules, and DuckDB counts the rows of each data
// file that no applicable position or equality delete removes (anti-joins over read_parquet with file_row_number).
//
//   node iceberg-expected.mjs TABLE_FOLDER[@@SNAPSHOT_ID][=>OURS.parquet]...
//     one JSON line each: {table, rows} or {table, unsupported} / {table, error}; with =>OURS.parquet (the rows the C#
//     reader returned, written as Parquet) also {missing, extra}: the rows of the oracle's multiset that OURS lacks and
//     the rows OURS has beyond it (EXCEPT ALL both ways), or {rowsUnsupported} when the oracle cannot build the rows.
//
// DuckDB's hive_partitioning auto-detection is off: it would replace columns by key=value path segments.
// Row multisets: every live data file is projected by Parquet field id (else the name mapping, else names) onto the
// snapshot's schema, top-level columns cast to the Iceberg type then to text by DuckDB (so both sides share one
// canonical form); columns absent from a file are the identity partition value (simple types) or null. Deletion vectors
// are decoded here (portable 64-bit Roaring) for rows, and counted by their record_count for counts.
// Not handled here (reported as "unsupported"): non-Parquet files, equality-delete columns missing from a data file.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { avro, decodeCodecs, parseOpts, plain } from './avro-common.mjs';
import { DuckDBInstance } from '@duckdb/node-api';

function latestMetadata(folder) {
  const dir = fs.existsSync(path.join(folder, 'metadata')) ? path.join(folder, 'metadata') : folder;
  const hint = path.join(dir, 'version-hint.text');
  if (fs.existsSync(hint)) {
    const v = fs.readFileSync(hint, 'utf8').trim();
    for (const n of [v, `v${v}.metadata.json`, `v${v}.gz.metadata.json`]) {
      if (n && fs.existsSync(path.join(dir, n)) && fs.statSync(path.join(dir, n)).isFile()) return path.join(dir, n);
    }
  }
  let best = null; let bestV = -1n; let bestT = 0;
  for (const n of fs.readdirSync(dir).filter((f) => f.endsWith('.metadata.json'))) {
    const m = /^v?(\d+)/.exec(n);
    const v = m ? BigInt(m[1]) : -1n;
    const t = fs.statSync(path.join(dir, n)).mtimeMs;
    if (v > bestV || (v === bestV && t > bestT)) { best = path.join(dir, n); bestV = v; bestT = t; }
  }
  return best;
}

function readJson(file) {
  let buf = fs.readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
  // snapshot ids exceed 2^53: keep them as strings
  const text = buf.toString('utf8').replace(/("(?:snapshot-id|current-snapshot-id|parent-snapshot-id)"\s*:\s*)(-?\d+)/g, '$1"$2"')
    .replace(/("initial-default"\s*:\s*)(-?\d{16,})(?=\s*[,}])/g, '$1"$2"');
  return JSON.parse(text);
}

function stripScheme(p) {
  if (p.startsWith('file://')) return decodeURIComponent(p.slice(7));
  if (p.startsWith('file:')) return decodeURIComponent(p.slice(5));
  const i = p.indexOf('://');
  if (i > 0) { const j = p.indexOf('/', i + 3); return j < 0 ? '/' : p.slice(j); }
  return p;
}

function resolver(root, location) {
  const loc = location ? stripScheme(location).replace(/\/+$/, '') : null;
  return (p) => {
    const local = stripScheme(p);
    if (!p.includes('://') || p.startsWith('file:')) {
      if (path.isAbsolute(local) && fs.existsSync(local)) return local;
    }
    if (loc && local.startsWith(loc)) {
      const c = path.join(root, local.slice(loc.length));
      if (fs.existsSync(c)) return c;
    }
    const segs = local.split('/').filter((s) => s.length > 0);
    let base = root;
    for (let level = 0; level <= 3; level++) {
      for (let s = 0; s < segs.length; s++) {
        const c = path.join(base, ...segs.slice(s));
        if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
      }
      base = path.dirname(base);
    }
    throw new Error(`cannot resolve ${p}`);
  };
}

function readAvro(file) {
  return new Promise((resolve, reject) => {
    const decoder = fs.createReadStream(file).pipe(new avro.streams.BlockDecoder({ codecs: decodeCodecs, parseOpts: { ...parseOpts, registry: { ...parseOpts.registry } } }));
    let type = null; const meta = {}; const records = [];
    decoder.on('metadata', (t, c, header) => { type = t; for (const [k, v] of Object.entries(header.meta)) meta[k] = v.toString('utf8'); });
    decoder.on('data', (r) => records.push(plain(type, r)));
    decoder.on('error', reject);
    decoder.on('end', () => resolve({ meta, records }));
  });
}

const big = (x) => (x === null || x === undefined ? null : BigInt(x));
const q = (s) => `'${s.replace(/'/g, "''")}'`;

async function liveFiles(folder, snapshotId) {
  const metaFile = latestMetadata(folder);
  const md = readJson(metaFile);
  const dir = path.dirname(metaFile);
  const root = path.basename(dir) === 'metadata' ? path.dirname(dir) : dir;
  const resolve = resolver(root, md.location);
  const sid = snapshotId ?? md['current-snapshot-id'];
  if (sid === undefined || sid === null || sid === '-1') return { md, resolve, data: [], deletes: [] };
  const as64 = (x) => BigInt.asIntN(64, BigInt(x));
  const snap = md.snapshots.find((s) => as64(s['snapshot-id']) === as64(sid));
  if (!snap) throw new Error(`snapshot ${sid} not found`);
  const specs = new Map((md['partition-specs'] ?? [{ 'spec-id': 0, fields: md['partition-spec'] ?? [] }]).map((s) => [s['spec-id'], s]));
  let manifests;
  if (snap['manifest-list']) {
    manifests = (await readAvro(resolve(snap['manifest-list']))).records;
  } else {
    manifests = snap.manifests.map((m) => ({ manifest_path: m, added_snapshot_id: snap['snapshot-id'] }));
  }
  const data = []; const deletes = [];
  for (const m of manifests) {
    const { meta, records } = await readAvro(resolve(m.manifest_path));
    const v1 = (meta['format-version'] ?? '1') === '1';
    const specId = Number(meta['partition-spec-id'] ?? m.partition_spec_id ?? 0);
    for (const e of records) {
      if (Number(e.status) === 2) continue;
      let seq = v1 ? 0n : big(e.sequence_number);
      if (seq === null) seq = Number(e.status) === 1 ? big(m.sequence_number ?? 0) : 0n;
      const f = e.data_file;
      const item = { seq, specId, content: Number(f.content ?? 0), path: f.file_path, format: String(f.file_format).toUpperCase(),
        partition: JSON.stringify(f.partition ?? {}), partitionValues: f.partition ?? {}, equalityIds: f.equality_ids ?? null, referenced: f.referenced_data_file ?? null, recordCount: big(f.record_count),
        contentOffset: big(f.content_offset), contentSize: big(f.content_size_in_bytes) };
      (item.content === 0 ? data : deletes).push(item);
    }
  }
  return { md, resolve, specs, data, deletes, snap };
}

async function columnsById(conn, file) {
  const r = await conn.runAndReadAll(`SELECT name, field_id FROM parquet_schema(${q(file)})`);
  const map = new Map();
  for (const [name, id] of r.getRows()) if (id !== null && id !== undefined) map.set(Number(id), name);
  return map;
}

async function countTable(conn, folder, snapshotId) {
  const { md, resolve, specs, data, deletes } = await liveFiles(folder, snapshotId);
  let total = 0n;
  const schema = (md.schemas ?? [md.schema]).find((s) => (s['schema-id'] ?? 0) === (md['current-schema-id'] ?? 0)) ?? md.schema;
  for (const d of data) {
    if (d.format !== 'PARQUET') return { unsupported: `${d.format} data file` };
    const local = resolve(d.path);
    const conds = [];
    const posFiles = deletes.filter((x) => x.content === 1 && x.seq >= d.seq
      && (x.referenced ? x.referenced === d.path : x.specId === d.specId && x.partition === d.partition));
    let dvDeleted = 0n;
    for (const p of posFiles) {
      if (p.format === 'PUFFIN' && p.referenced === d.path) {
        // a deletion vector: its record_count is the number of deleted positions (spec), distinct by construction
        dvDeleted += p.recordCount;
        continue;
      }
      if (p.format !== 'PARQUET') return { unsupported: `${p.format} position deletes` };
      conds.push(`NOT EXISTS (SELECT 1 FROM read_parquet(${q(resolve(p.path))}, hive_partitioning = false) p WHERE p.file_path = ${q(d.path)} AND p.pos = d.file_row_number)`);
    }
    const eqFiles = deletes.filter((x) => x.content === 2 && x.seq > d.seq
      && ((specs.get(x.specId)?.fields ?? []).length === 0 || (x.specId === d.specId && x.partition === d.partition)));
    if (eqFiles.length > 0) {
      const dataCols = await columnsById(conn, local);
      for (const e of eqFiles) {
        const el = resolve(e.path);
        const delCols = await columnsById(conn, el);
        const parts = [];
        for (const id of e.equalityIds) {
          const dn = dataCols.get(Number(id));
          const en = delCols.get(Number(id));
          if (!dn || !en) return { unsupported: `equality delete column ${id} missing from a data or delete file` };
          parts.push(`e."${en}" IS NOT DISTINCT FROM d."${dn}"`);
        }
        conds.push(`NOT EXISTS (SELECT 1 FROM read_parquet(${q(el)}, hive_partitioning = false) e WHERE ${parts.join(' AND ')})`);
      }
    }
    const sql = `SELECT count(*) FROM read_parquet(${q(local)}, file_row_number = true, hive_partitioning = false) d${conds.length ? ' WHERE ' + conds.join(' AND ') : ''}`;
    const r = await conn.runAndReadAll(sql);
    total += BigInt(r.getRows()[0][0]) - dvDeleted;
  }
  void schema;
  return { rows: total.toString() };
}

// ---- row multisets ----

// Portable Roaring (32-bit) at buf[pos]: returns [values (uint32 numbers), next position].
function readRoaring32(buf, pos) {
  const cookie = buf.readUInt32LE(pos); pos += 4;
  let size; let runBitmap = null; let hasOffsets;
  if ((cookie & 0xffff) === 12347) {
    size = (cookie >>> 16) + 1;
    const n = Math.ceil(size / 8); runBitmap = buf.subarray(pos, pos + n); pos += n;
    hasOffsets = size >= 4;
  } else if (cookie === 12346) {
    size = buf.readUInt32LE(pos); pos += 4; hasOffsets = true;
  } else throw new Error(`bad roaring cookie ${cookie}`);
  const keys = []; const cards = [];
  for (let i = 0; i < size; i++) { keys.push(buf.readUInt16LE(pos)); cards.push(buf.readUInt16LE(pos + 2) + 1); pos += 4; }
  if (hasOffsets) pos += 4 * size;
  const values = [];
  for (let i = 0; i < size; i++) {
    const high = keys[i] * 65536;
    if (runBitmap && (runBitmap[i >> 3] >> (i & 7)) & 1) {
      const runs = buf.readUInt16LE(pos); pos += 2;
      for (let r = 0; r < runs; r++) {
        const start = buf.readUInt16LE(pos); const len = buf.readUInt16LE(pos + 2); pos += 4;
        for (let v = start; v <= start + len; v++) values.push(high + v);
      }
    } else if (cards[i] <= 4096) {
      for (let k = 0; k < cards[i]; k++) { values.push(high + buf.readUInt16LE(pos)); pos += 2; }
    } else {
      for (let w = 0; w < 1024; w++) {
        const lo = buf.readUInt32LE(pos + w * 8); const hi = buf.readUInt32LE(pos + w * 8 + 4);
        for (let b = 0; b < 32; b++) { if ((lo >>> b) & 1) values.push(high + w * 64 + b); if ((hi >>> b) & 1) values.push(high + w * 64 + 32 + b); }
      }
      pos += 8192;
    }
  }
  return [values, pos];
}

// A deletion-vector-v1 blob (length, magic D1 D3 39 64, 64-bit portable Roaring, CRC), or a bare 64-bit bitmap.
function deletionVectorPositions(blob) {
  let pos = 0;
  if (blob.length >= 8 && blob[4] === 0xd1 && blob[5] === 0xd3 && blob[6] === 0x39 && blob[7] === 0x64) pos = 8;
  const buckets = Number(blob.readBigUInt64LE(pos)); pos += 8;
  const result = [];
  for (let b = 0; b < buckets; b++) {
    const key = BigInt(blob.readUInt32LE(pos)); pos += 4;
    const [values, next] = readRoaring32(blob, pos); pos = next;
    for (const v of values) result.push((key << 32n) | BigInt(v));
  }
  return result;
}

const duckType = (t) => {
  if (typeof t !== 'string') return null;
  const dec = /^decimal\((\d+),\s*(\d+)\)$/.exec(t);
  if (dec) return `DECIMAL(${dec[1]},${dec[2]})`;
  if (/^fixed\[/.test(t)) return 'BLOB';
  return { boolean: 'BOOLEAN', int: 'INTEGER', long: 'BIGINT', float: 'FLOAT', double: 'DOUBLE', date: 'DATE', time: 'TIME',
    timestamp: 'TIMESTAMP', timestamptz: 'TIMESTAMPTZ', timestamp_ns: 'TIMESTAMP_NS', timestamptz_ns: 'TIMESTAMPTZ',
    string: 'VARCHAR', uuid: 'UUID', binary: 'BLOB' }[t] ?? null;
};
const textOf = (expr, t) => (duckType(t) ? `CAST(CAST(${expr} AS ${duckType(t)}) AS VARCHAR)` : `CAST(${expr} AS VARCHAR)`);
const ident = (n) => `"${n.replace(/"/g, '""')}"`;

// Top-level Parquet columns of a file: [{name, id}] in order (parquet_schema is a pre-order walk with num_children).
async function topLevelColumns(conn, file) {
  const r = await conn.runAndReadAll(`SELECT name, field_id, num_children FROM parquet_schema(${q(file)})`);
  const rows = r.getRows();
  const result = [];
  const stack = [Number(rows[0][2] ?? 0)];
  for (let i = 1; i < rows.length; i++) {
    const [name, id, children] = rows[i];
    if (stack.length === 1) result.push({ name, id: id === null || id === undefined ? null : Number(id) });
    stack[stack.length - 1]--;
    if (Number(children ?? 0) > 0) stack.push(Number(children));
    while (stack.length > 1 && stack[stack.length - 1] === 0) stack.pop();
  }
  return result;
}

function nameMappingIds(md) {
  const text = md.properties?.['schema.name-mapping.default'];
  if (!text) return null;
  const map = new Map();
  for (const f of JSON.parse(text)) if (f['field-id'] !== undefined) for (const n of f.names ?? []) map.set(n, Number(f['field-id']));
  return map;
}

// A partition value from avro-js (bytes as arrays, longs as numbers or strings) as a DuckDB expression of Iceberg type t;
// undefined for types not handled here.
function literal(v, t) {
  if (v === null || v === undefined) return 'NULL';
  const hex = () => Buffer.from(v).toString('hex');
  const dec = typeof t === 'string' ? /^decimal\((\d+),\s*(\d+)\)$/.exec(t) : null;
  if (dec) {
    let u = 0n;
    for (const b of v) u = (u << 8n) | BigInt(b);
    if (v.length > 0 && v[0] & 0x80) u -= 1n << BigInt(8 * v.length);
    const scale = Number(dec[2]);
    const neg = u < 0n; const digits = (neg ? -u : u).toString().padStart(scale + 1, '0');
    const text = (neg ? '-' : '') + (scale > 0 ? digits.slice(0, digits.length - scale) + '.' + digits.slice(digits.length - scale) : digits);
    return q(text);
  }
  if (typeof t === 'string' && /^fixed\[/.test(t)) return `from_hex('${hex()}')`;
  switch (t) {
    case 'boolean': return v ? 'TRUE' : 'FALSE';
    case 'int': case 'long': return String(v);
    case 'float': case 'double': return q(String(v));
    case 'string': return q(String(v));
    case 'binary': return `from_hex('${hex()}')`;
    case 'uuid': { const h = hex(); return q(`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`); }
    case 'date': return `(DATE '1970-01-01' + ${Number(v)})`;
    case 'time': return `(TIME '00:00:00' + INTERVAL (${String(v)}) MICROSECOND)`;
    case 'timestamp': return `make_timestamp(${String(v)})`;
    case 'timestamptz': return `(to_timestamp(0) + INTERVAL (${String(v)}) MICROSECOND)`;
    default: return undefined;
  }
}

async function compareRows(conn, folder, snapshotId, oursFile) {
  const { md, resolve, specs, data, deletes, snap } = await liveFiles(folder, snapshotId);
  const schemaId = snapshotId !== null && snap && snap['schema-id'] !== undefined ? snap['schema-id'] : (md['current-schema-id'] ?? 0);
  const schema = (md.schemas ?? [md.schema]).find((s) => (s['schema-id'] ?? 0) === schemaId) ?? md.schema;
  const fields = schema.fields;
  const mapping = nameMappingIds(md);
  await conn.run('CREATE OR REPLACE TEMP TABLE oracle_rows (' + fields.map((f, i) => `c${i} VARCHAR`).join(', ') + ')');
  for (const d of data) {
    const local = resolve(d.path);
    const cols = await topLevelColumns(conn, local);
    const anyIds = cols.some((c) => c.id !== null);
    const byId = new Map();
    for (const c of cols) {
      const id = anyIds ? c.id : (mapping ? mapping.get(c.name) : fields.find((f) => f.name === c.name)?.id);
      if (id !== null && id !== undefined && !byId.has(Number(id))) byId.set(Number(id), c.name);
    }
    const spec = specs.get(d.specId);
    const exprs = [];
    for (const f of fields) {
      const name = byId.get(Number(f.id));
      if (name !== undefined) { exprs.push(textOf(`d.${ident(name)}`, f.type)); continue; }
      const pf = (spec?.fields ?? []).find((p) => Number(p['source-id']) === Number(f.id) && p.transform === 'identity');
      if (pf) {
        const lit = literal(d.partitionValues[pf.name], f.type);
        if (lit === undefined) throw new Error(`identity partition value of type ${JSON.stringify(f.type)} for a column absent from ${d.path}`);
        exprs.push(lit === 'NULL' ? 'NULL' : textOf(lit, f.type));
        continue;
      }
      const init = f['initial-default'];
      if (init !== undefined && init !== null) {
        if (typeof init === 'object' || !duckType(f.type)) throw new Error(`initial-default of nested column ${f.name}`);
        const lit = typeof init === 'boolean' ? (init ? 'TRUE' : 'FALSE')
          : (f.type === 'binary' || /^fixed\[/.test(f.type)) ? `from_hex('${init}')` : q(String(init));
        exprs.push(textOf(lit, f.type));
        continue;
      }
      exprs.push('NULL');
    }
    const conds = [];
    const posFiles = deletes.filter((x) => x.content === 1 && x.seq >= d.seq
      && (x.referenced ? x.referenced === d.path : x.specId === d.specId && x.partition === d.partition));
    const dvPositions = [];
    for (const p of posFiles) {
      if (p.format === 'PUFFIN') {
        if (p.referenced !== d.path) continue;
        const fd = fs.openSync(resolve(p.path), 'r');
        const blob = Buffer.alloc(Number(p.contentSize));
        fs.readSync(fd, blob, 0, blob.length, Number(p.contentOffset));
        fs.closeSync(fd);
        dvPositions.push(...deletionVectorPositions(blob));
        continue;
      }
      conds.push(`NOT EXISTS (SELECT 1 FROM read_parquet(${q(resolve(p.path))}, hive_partitioning = false) p WHERE p.file_path = ${q(d.path)} AND p.pos = d.file_row_number)`);
    }
    if (dvPositions.length > 0) {
      await conn.run('CREATE OR REPLACE TEMP TABLE dv_pos AS SELECT unnest([' + dvPositions.map(String).join(',') + ']::BIGINT[]) AS pos');
      conds.push('d.file_row_number NOT IN (SELECT pos FROM dv_pos)');
    }
    const eqFiles = deletes.filter((x) => x.content === 2 && x.seq > d.seq
      && ((specs.get(x.specId)?.fields ?? []).length === 0 || (x.specId === d.specId && x.partition === d.partition)));
    if (eqFiles.length > 0) {
      const dataCols = await columnsById(conn, local);
      for (const e of eqFiles) {
        const el = resolve(e.path);
        const delCols = await columnsById(conn, el);
        const parts = e.equalityIds.map((id) => `e."${delCols.get(Number(id))}" IS NOT DISTINCT FROM d."${dataCols.get(Number(id))}"`);
        conds.push(`NOT EXISTS (SELECT 1 FROM read_parquet(${q(el)}, hive_partitioning = false) e WHERE ${parts.join(' AND ')})`);
      }
    }
    await conn.run(`INSERT INTO oracle_rows SELECT ${exprs.length ? exprs.join(', ') : ''} FROM read_parquet(${q(local)}, file_row_number = true, hive_partitioning = false) d${conds.length ? ' WHERE ' + conds.join(' AND ') : ''}`);
  }
  const oursCols = await topLevelColumns(conn, oursFile);
  if (oursCols.length !== fields.length) throw new Error(`ours has ${oursCols.length} columns, the schema ${fields.length}`);
  const oursExprs = fields.map((f, i) => `${textOf(`o.${ident(oursCols[i].name)}`, f.type)} AS c${i}`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE ours_rows AS SELECT ${oursExprs.join(', ')} FROM read_parquet(${q(oursFile)}, hive_partitioning = false) o`);
  const missing = await conn.runAndReadAll('SELECT count(*) FROM (SELECT * FROM oracle_rows EXCEPT ALL SELECT * FROM ours_rows)');
  const extra = await conn.runAndReadAll('SELECT count(*) FROM (SELECT * FROM ours_rows EXCEPT ALL SELECT * FROM oracle_rows)');
  const sample = await conn.runAndReadAll('SELECT * FROM (SELECT * FROM oracle_rows EXCEPT ALL SELECT * FROM ours_rows) LIMIT 2');
  const sampleExtra = await conn.runAndReadAll('SELECT * FROM (SELECT * FROM ours_rows EXCEPT ALL SELECT * FROM oracle_rows) LIMIT 2');
  const result = { missing: String(missing.getRows()[0][0]), extra: String(extra.getRows()[0][0]) };
  if (result.missing !== '0' || result.extra !== '0') {
    result.sampleMissing = sample.getRows().map((r) => r.map(String));
    result.sampleExtra = sampleExtra.getRows().map((r) => r.map(String));
  }
  return result;
}

const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const out = [];
for (const arg of process.argv.slice(2)) {
  const [target, ours] = arg.split('=>');
  const [folder, snapshotId] = target.split('@@');
  try {
    const result = await countTable(conn, folder, snapshotId ?? null);
    if (ours && result.rows !== undefined) {
      try {
        Object.assign(result, await compareRows(conn, folder, snapshotId ?? null, ours));
      } catch (e) {
        result.rowsUnsupported = String(e && e.message ? e.message : e);
      }
    }
    out.push(JSON.stringify({ table: arg, ...result }));
  } catch (e) {
    out.push(JSON.stringify({ table: arg, error: String(e && e.message ? e.message : e) }));
  }
}
process.stdout.write(out.join('\n') + '\n');
