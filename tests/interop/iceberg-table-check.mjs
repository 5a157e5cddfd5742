// Independent check of an Iceberg table we wrote: avro-js reads every manifest list and manifest of every
// snapshot and checks the v2 layout (field ids, required fields, key-value metadata, manifest lengths);
// DuckDB checks the live data files of the current snapshot (row counts against record_count, Parquet
// field ids against the table schema) and returns their rows.
//
//   node iceberg-table-check.mjs METADATA_JSON [COLUMNS]   (COLUMNS: comma-separated, e.g. id,category)
//
// Prints one JSON object: {errors: [...], snapshots, manifests, entries, liveDataFiles, rows}.
import fs from 'node:fs';
import { avro, decodeCodecs, parseOpts, plain, stringify } from './avro-common.mjs';
import { DuckDBInstance } from '@duckdb/node-api';

const [metadataPath, columnsArg] = process.argv.slice(2);
const errors = [];
const fail = (msg) => errors.push(msg);
const local = (p) => p.replace(/^file:(\/\/)?/, '');

function readAvro(file) {
  return new Promise((resolve, reject) => {
    const decoder = fs.createReadStream(local(file)).on('error', reject)
      .pipe(new avro.streams.BlockDecoder({ codecs: decodeCodecs, parseOpts: { ...parseOpts, registry: { ...parseOpts.registry } } }));
    let type = null;
    const metadata = {};
    const records = [];
    decoder.on('metadata', (t, c, header) => {
      type = t;
      for (const [k, v] of Object.entries(header.meta)) metadata[k] = v.toString('utf8');
    });
    decoder.on('data', (r) => records.push(plain(type, r)));
    decoder.on('error', reject);
    decoder.on('end', () => resolve({ schema: JSON.parse(metadata['avro.schema']), metadata, records }));
  });
}

const isOptional = (t) => Array.isArray(t) && t.includes('null');

// Checks that `fields` has each expected [name, id, required] and returns the field map by name.
function checkFields(where, fields, expected) {
  const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
  for (const [name, id, required] of expected) {
    const f = byName[name];
    if (!f) { if (required) fail(`${where}: missing required field ${name}`); continue; }
    if (f['field-id'] !== id) fail(`${where}: field ${name} has field-id ${f['field-id']}, expected ${id}`);
    if (required && isOptional(f.type)) fail(`${where}: field ${name} must be required`);
    if (!required && !isOptional(f.type)) fail(`${where}: field ${name} must be optional`);
  }
  return byName;
}

const unwrap = (t) => (Array.isArray(t) ? t.find((x) => x !== 'null') : t);

const manifestFileFields = [
  ['manifest_path', 500, true], ['manifest_length', 501, true], ['partition_spec_id', 502, true], ['content', 517, true],
  ['sequence_number', 515, true], ['min_sequence_number', 516, true], ['added_snapshot_id', 503, true],
  ['added_files_count', 504, true], ['existing_files_count', 505, true], ['deleted_files_count', 506, true],
  ['added_rows_count', 512, true], ['existing_rows_count', 513, true], ['deleted_rows_count', 514, true],
  ['partitions', 507, false], ['key_metadata', 519, false],
];
const summaryFields = [['contains_null', 509, true], ['contains_nan', 518, false], ['lower_bound', 510, false], ['upper_bound', 511, false]];
const entryFields = [['status', 0, true], ['snapshot_id', 1, false], ['sequence_number', 3, false], ['file_sequence_number', 4, false], ['data_file', 2, true]];
const dataFileFields = [
  ['content', 134, true], ['file_path', 100, true], ['file_format', 101, true], ['partition', 102, true], ['record_count', 103, true],
  ['file_size_in_bytes', 104, true], ['column_sizes', 108, false], ['value_counts', 109, false], ['null_value_counts', 110, false],
  ['nan_value_counts', 137, false], ['lower_bounds', 125, false], ['upper_bounds', 128, false], ['key_metadata', 131, false],
  ['split_offsets', 132, false], ['equality_ids', 135, false], ['sort_order_id', 140, false],
];
const mapIds = { column_sizes: [117, 118], value_counts: [119, 120], null_value_counts: [121, 122], nan_value_counts: [138, 139], lower_bounds: [126, 127], upper_bounds: [129, 130] };

// Snapshot ids exceed 2^53: large integer literals are read as strings to stay exact (Node 20 has no reviver source text).
const metadata = JSON.parse(fs.readFileSync(metadataPath, 'utf8').replace(/([:\[,]\s*)(-?\d{16,})(?=\s*[,}\]])/g, '$1"$2"'));
const specs = Object.fromEntries(metadata['partition-specs'].map((s) => [s['spec-id'], s]));
const result = { errors, snapshots: 0, manifests: 0, entries: 0, liveDataFiles: [], rows: [] };
const seenManifests = new Set();
let currentLive = [];
let currentDeletes = 0;

for (const snapshot of metadata.snapshots ?? []) {
  result.snapshots++;
  const list = await readAvro(snapshot['manifest-list']);
  const where = `manifest list ${snapshot['manifest-list']}`;
  if (list.metadata['format-version'] !== '2') fail(`${where}: format-version ${list.metadata['format-version']}`);
  if (list.metadata['snapshot-id'] !== String(snapshot['snapshot-id'])) fail(`${where}: snapshot-id ${list.metadata['snapshot-id']}`);
  if (list.metadata['sequence-number'] !== String(snapshot['sequence-number'])) fail(`${where}: sequence-number ${list.metadata['sequence-number']}`);
  if (!('parent-snapshot-id' in list.metadata)) fail(`${where}: no parent-snapshot-id`);
  const lf = checkFields(where, list.schema.fields, manifestFileFields);
  if (lf.partitions) checkFields(`${where} partitions`, unwrap(lf.partitions.type).items.fields, summaryFields);
  const isCurrent = String(snapshot['snapshot-id']) === String(metadata['current-snapshot-id']);
  for (const m of list.records) {
    for (const [name, , required] of manifestFileFields) if (required && (m[name] === null || m[name] === undefined)) fail(`${where}: ${name} is null`);
    if (Number(m.sequence_number) > Number(snapshot['sequence-number'])) fail(`${where}: manifest sequence number ${m.sequence_number} above the snapshot's`);
    const size = fs.statSync(local(m.manifest_path)).size;
    if (Number(m.manifest_length) !== size) fail(`${m.manifest_path}: manifest_length ${m.manifest_length}, file has ${size} bytes`);
    const manifest = await readAvro(m.manifest_path);
    const mw = `manifest ${m.manifest_path}`;
    for (const key of ['schema', 'partition-spec', 'partition-spec-id', 'format-version', 'content']) if (!(key in manifest.metadata)) fail(`${mw}: no ${key} metadata`);
    if (manifest.metadata.content !== (Number(m.content) === 1 ? 'deletes' : 'data')) fail(`${mw}: content ${manifest.metadata.content} vs list ${m.content}`);
    if (manifest.metadata['partition-spec-id'] !== String(m.partition_spec_id)) fail(`${mw}: partition-spec-id mismatch`);
    const ef = checkFields(mw, manifest.schema.fields, entryFields);
    const df = checkFields(`${mw} data_file`, ef.data_file.type.fields, dataFileFields);
    for (const [name, [k, v]] of Object.entries(mapIds)) {
      const items = unwrap(df[name].type).items;
      checkFields(`${mw} ${name}`, items.fields, [['key', k, true], ['value', v, true]]);
    }
    const spec = specs[m.partition_spec_id];
    const partFields = df.partition.type.fields;
    if (partFields.length !== spec.fields.length) fail(`${mw}: partition has ${partFields.length} fields, spec ${spec.fields.length}`);
    spec.fields.forEach((f, i) => { if (partFields[i] && partFields[i]['field-id'] !== f['field-id']) fail(`${mw}: partition field ${i} id ${partFields[i]['field-id']} vs spec ${f['field-id']}`); });
    const firstVisit = !seenManifests.has(m.manifest_path);
    seenManifests.add(m.manifest_path);
    if (firstVisit) result.manifests++;
    let added = 0; let existing = 0; let deleted = 0;
    for (const e of manifest.records) {
      if (firstVisit) result.entries++;
      if (e.status === 1) { added++; if (e.sequence_number !== null && Number(m.sequence_number) !== Number(e.sequence_number) && e.snapshot_id === null) fail(`${mw}: added entry with explicit sequence number`); }
      else {
        if (e.status === 2) deleted++; else existing++;
        if (e.snapshot_id === null || e.sequence_number === null) fail(`${mw}: ${e.status === 2 ? 'deleted' : 'existing'} entry without explicit snapshot id / sequence number`);
      }
      const d = e.data_file;
      for (const [name, , required] of dataFileFields) if (required && (d[name] === null || d[name] === undefined)) fail(`${mw}: data_file.${name} is null`);
      if (isCurrent && e.status !== 2) {
        if (d.content === 0) currentLive.push({ path: d.file_path, records: Number(d.record_count) });
        else currentDeletes++;
      }
    }
    if (added !== Number(m.added_files_count) || existing !== Number(m.existing_files_count) || deleted !== Number(m.deleted_files_count)) {
      fail(`${mw}: counts ${added}/${existing}/${deleted} vs list ${m.added_files_count}/${m.existing_files_count}/${m.deleted_files_count}`);
    }
  }
}

result.liveDataFiles = currentLive.map((f) => f.path);
if (currentLive.length > 0) {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const schema = metadata.schemas.find((s) => s['schema-id'] === metadata['current-schema-id']);
  const ids = Object.fromEntries(schema.fields.map((f) => [f.name, f.id]));
  for (const f of currentLive) {
    const file = local(f.path).replaceAll("'", "''");
    const count = (await (await conn.run(`SELECT count(*) FROM read_parquet('${file}')`)).getRows())[0][0];
    if (Number(count) !== f.records) fail(`${f.path}: DuckDB reads ${count} rows, record_count ${f.records}`);
    const cols = await (await conn.run(`SELECT name, field_id FROM parquet_schema('${file}') WHERE name IN (${Object.keys(ids).map((n) => `'${n}'`).join(',')})`)).getRows();
    for (const [name, fieldId] of cols) if (Number(fieldId) !== ids[name]) fail(`${f.path}: Parquet field ${name} has field_id ${fieldId}, schema ${ids[name]}`);
  }
  if (columnsArg && currentDeletes === 0) {
    const list = currentLive.map((f) => `'${local(f.path).replaceAll("'", "''")}'`).join(',');
    const cols = columnsArg.split(',');
    const rows = await (await conn.run(`SELECT ${cols.join(', ')} FROM read_parquet([${list}]) ORDER BY ${cols.join(', ')}`)).getRows();
    result.rows = rows.map((r) => r.map((v) => (typeof v === 'bigint' ? v.toString() : v)));
  }
}

process.stdout.write(stringify(result));
