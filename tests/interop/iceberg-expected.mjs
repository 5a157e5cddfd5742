// Independent oracle for the Iceberg read path: the live row count of a table's current snapshot (or a given one),
// computed without the C# code. Table metadata JSON is parsed here, manifest lists and manifests are read with avro-js,
// delete files are matched by the spec's sequence-number and partition rules, and DuckDB counts the rows of each data
// file that no applicable position or equality delete removes (anti-joins over read_parquet with file_row_number).
//
//   node iceberg-expected.mjs TABLE_FOLDER[@@SNAPSHOT_ID]...   one JSON line each: {table, rows} or {table, unsupported} / {table, error}
//
// Deletion vectors are counted by their record_count (the number of deleted positions, per the spec), not decoded.
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
  const text = buf.toString('utf8').replace(/("(?:snapshot-id|current-snapshot-id|parent-snapshot-id)"\s*:\s*)(-?\d+)/g, '$1"$2"');
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
        partition: JSON.stringify(f.partition ?? {}), equalityIds: f.equality_ids ?? null, referenced: f.referenced_data_file ?? null, recordCount: big(f.record_count) };
      (item.content === 0 ? data : deletes).push(item);
    }
  }
  return { md, resolve, specs, data, deletes };
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
      conds.push(`NOT EXISTS (SELECT 1 FROM read_parquet(${q(resolve(p.path))}) p WHERE p.file_path = ${q(d.path)} AND p.pos = d.file_row_number)`);
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
        conds.push(`NOT EXISTS (SELECT 1 FROM read_parquet(${q(el)}) e WHERE ${parts.join(' AND ')})`);
      }
    }
    const sql = `SELECT count(*) FROM read_parquet(${q(local)}, file_row_number = true) d${conds.length ? ' WHERE ' + conds.join(' AND ') : ''}`;
    const r = await conn.runAndReadAll(sql);
    total += BigInt(r.getRows()[0][0]) - dvDeleted;
  }
  void schema;
  return { rows: total.toString() };
}

const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const out = [];
for (const arg of process.argv.slice(2)) {
  const [folder, snapshotId] = arg.split('@@');
  try {
    out.push(JSON.stringify({ table: arg, ...(await countTable(conn, folder, snapshotId ?? null)) }));
  } catch (e) {
    out.push(JSON.stringify({ table: arg, error: String(e && e.message ? e.message : e) }));
  }
}
process.stdout.write(out.join('\n') + '\n');
