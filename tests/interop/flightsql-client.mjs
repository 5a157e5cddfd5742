// Independent Flight SQL client: @grpc/grpc-js + @grpc/proto-loader for the FlightService, protobufjs
// (installed with proto-loader) for the Flight SQL command messages, apache-arrow to decode results and
// encode parameters. Replays the call sequences of real Flight SQL clients against the Lakehouse server:
//
//   node flightsql-client.mjs <host:port> <dir with Flight.proto, FlightSql.proto> <user> <password>
//
//   jdbc   - the Arrow Flight SQL JDBC driver: Handshake (Basic header) -> Bearer on every call; GetSqlInfo
//            with no codes; GetCatalogs, GetDbSchemas, GetTables(include_schema); per query
//            CreatePreparedStatement -> GetFlightInfo(CommandPreparedStatementQuery) -> DoGet ->
//            ClosePreparedStatement; parameters bound by DoPut; an update detected by is_update and run by
//            DoPut(CommandPreparedStatementUpdate)
//   adbc   - ADBC's flightsql driver: GetSqlInfo([8]), CommandStatementQuery
//   dbapi  - flightsql-dbapi (Superset): GetSqlInfo([0,2,3,504]), CommandStatementQuery, endpoints[0]
//   abuse  - no token, wrong token, garbage Any, unknown type URL
//
// Prints one JSON object; the C# test compares it with the backend's data.
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';
import { tableFromIPC, tableToIPC, Table, vectorFromArray, Int64, Utf8, Float64, Message } from 'apache-arrow';
import path from 'node:path';
import { createRequire } from 'node:module';

const [address, protoDir, user, password] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const pbDir = path.dirname(require.resolve('protobufjs/package.json'));

const pkg = grpc.loadPackageDefinition(protoLoader.loadSync(path.join(protoDir, 'Flight.proto'),
  { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true, includeDirs: [protoDir, pbDir] }));
const Flight = pkg.arrow.flight.protocol.FlightService;

const root = new protobuf.Root();
root.resolvePath = (origin, target) => target.startsWith('google/protobuf/') ? path.join(pbDir, target) : path.resolve(protoDir, path.basename(target));
root.loadSync(['FlightSql.proto'], { keepCase: true });
const sql = (name) => root.lookupType(`arrow.flight.protocol.sql.${name}`);
const pack = (name, fields) => {
  const type = sql(name);
  const value = type.encode(type.fromObject(fields)).finish();
  return encodeAny(`type.googleapis.com/arrow.flight.protocol.sql.${name}`, value);
};
function encodeAny(typeUrl, value) {
  const w = protobuf.Writer.create();
  w.uint32(10).string(typeUrl);
  w.uint32(18).bytes(value);
  return Buffer.from(w.finish());
}
function decodeAny(buf) {
  const r = protobuf.Reader.create(buf);
  let typeUrl = '', value = Buffer.alloc(0);
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) typeUrl = r.string(); else if (tag >>> 3 === 2) value = Buffer.from(r.bytes()); else r.skipType(tag & 7);
  }
  return { typeUrl, value };
}
const unpack = (name, buf) => sql(name).toObject(sql(name).decode(decodeAny(buf).value), { longs: String, bytes: Buffer, defaults: true });

const client = new Flight(address, grpc.credentials.createInsecure());
let bearer = null;
const md = (auth = bearer) => { const m = new grpc.Metadata(); if (auth) m.set('authorization', auth); return m; };
const calls = [];

function unary(method, request, metadata = md()) {
  calls.push(method);
  return new Promise((resolve, reject) => client[method](request, metadata, (err, reply) => err ? reject(err) : resolve(reply)));
}
function stream(call) {
  return new Promise((resolve, reject) => {
    const out = [];
    call.on('data', (d) => out.push(d));
    call.on('error', reject);
    call.on('end', () => resolve(out));
  });
}
async function doGet(ticket, metadata = md()) {
  calls.push('DoGet');
  return stream(client.DoGet(ticket, metadata));
}
async function doAction(type, body) {
  calls.push(`DoAction:${type}`);
  return stream(client.DoAction({ type, body }, md()));
}
async function doPut(cmd, table) {
  calls.push('DoPut');
  const call = client.DoPut(md());
  const results = stream(call);
  const messages = table ? ipcMessages(tableToIPC(table, 'stream')) : [];
  const descriptor = { type: 'CMD', cmd, path: [] };
  if (messages.length === 0) call.write({ flight_descriptor: descriptor });
  messages.forEach((m, i) => call.write({ flight_descriptor: i === 0 ? descriptor : null, data_header: m.header, data_body: m.body }));
  call.end();
  return results;
}

// Arrow IPC stream <-> FlightData messages (data_header = Message flatbuffer, data_body = body).
function ipcMessages(bytes) {
  const buf = Buffer.from(bytes);
  const out = [];
  let pos = 0;
  while (pos + 8 <= buf.length) {
    let len = buf.readInt32LE(pos);
    pos += 4;
    if (len === -1) { len = buf.readInt32LE(pos); pos += 4; }
    if (len === 0) break;
    const header = buf.subarray(pos, pos + len);
    pos += len;
    const bodyLength = Number(Message.decode(header).bodyLength);
    out.push({ header, body: buf.subarray(pos, pos + bodyLength) });
    pos += bodyLength;
  }
  return out;
}
function decodeFlightData(messages) {
  const parts = [];
  for (const m of messages) {
    const header = m.data_header, body = m.data_body ?? Buffer.alloc(0);
    if (!header || header.length === 0) continue;
    const padded = (header.length + 7) & ~7;
    const prefix = Buffer.alloc(8 + padded);
    prefix.writeUInt32LE(0xFFFFFFFF, 0);
    prefix.writeInt32LE(padded, 4);
    header.copy(prefix, 8);
    parts.push(prefix, body, Buffer.alloc((8 - (body.length % 8)) % 8));
  }
  parts.push(Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]));
  return tableFromIPC(Buffer.concat(parts));
}
const plain = (v) => typeof v === 'bigint' ? v.toString() : (v && typeof v === 'object' && typeof v.toJSON === 'function') ? plain(v.toJSON()) : Array.isArray(v) ? v.map(plain) : v;
const rows = (table) => { const out = []; for (let i = 0; i < table.numRows; i++) out.push(table.schema.fields.map((f) => plain(table.getChild(f.name).get(i)))); return out; };
const fields = (schema) => schema.fields.map((f) => ({ name: f.name, type: String(f.type), nullable: f.nullable, metadata: Object.fromEntries(f.metadata) }));
const schemaOf = (bytes) => tableFromIPC(Buffer.concat([Buffer.from(bytes), Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0])])).schema;

async function fetchCommand(name, fields0) {
  const info = await unary('GetFlightInfo', { type: 'CMD', cmd: pack(name, fields0), path: [] });
  const endpoint = info.endpoint[0];
  const table = decodeFlightData(await doGet(endpoint.ticket));
  return { info, table, locations: endpoint.location.length, infoSchema: fields(schemaOf(info.schema)) };
}

async function handshake() {
  calls.push('Handshake');
  const metadata = md('Basic ' + Buffer.from(`${user}:${password}`).toString('base64'));
  const call = client.Handshake(metadata);
  const headers = new Promise((resolve) => call.on('metadata', (m) => resolve(m.get('authorization')[0] ?? null)));
  const done = stream(call);
  call.write({ protocol_version: 0, payload: Buffer.alloc(0) });
  call.end();
  await done;
  return headers;
}

async function prepared(query, params) {
  const [result] = await doAction('CreatePreparedStatement', pack('ActionCreatePreparedStatementRequest', { query }));
  const created = unpack('ActionCreatePreparedStatementResult', result.body);
  const handle = created.prepared_statement_handle;
  const out = { isUpdate: created.is_update, dataset: fields(schemaOf(created.dataset_schema)), parameters: fields(schemaOf(created.parameter_schema)) };
  if (created.is_update) {
    const [put] = await doPut(pack('CommandPreparedStatementUpdate', { prepared_statement_handle: handle }), params);
    out.recordCount = sql('DoPutUpdateResult').toObject(sql('DoPutUpdateResult').decode(put.app_metadata), { longs: String }).record_count;
  } else {
    if (params) {
      const [bound] = await doPut(pack('CommandPreparedStatementQuery', { prepared_statement_handle: handle }), params);
      const r = sql('DoPutPreparedStatementResult').decode(bound.app_metadata);
      out.boundHandleEcho = Buffer.from(r.prepared_statement_handle ?? []).equals(handle);
    }
    const info = await unary('GetFlightInfo', { type: 'CMD', cmd: pack('CommandPreparedStatementQuery', { prepared_statement_handle: handle }), path: [] });
    out.rows = rows(decodeFlightData(await doGet(info.endpoint[0].ticket)));
  }
  await doAction('ClosePreparedStatement', pack('ActionClosePreparedStatementRequest', { prepared_statement_handle: handle }));
  return out;
}

function sqlInfoSummary(table) {
  const names = table.getChild('info_name');
  const value = table.getChild('value');
  const out = {};
  for (let i = 0; i < table.numRows; i++) {
    const data = value.data[0];
    out[names.get(i)] = { branch: data.typeIds[i], value: plain(value.get(i)) };
  }
  return out;
}

async function jdbc() {
  bearer = await handshake();
  const out = { bearer: bearer?.startsWith('Bearer ') ?? false };
  out.sqlInfo = sqlInfoSummary((await fetchCommand('CommandGetSqlInfo', {})).table);
  out.catalogs = rows((await fetchCommand('CommandGetCatalogs', {})).table);
  out.schemas = rows((await fetchCommand('CommandGetDbSchemas', { catalog: 'lakehouse', db_schema_filter_pattern: '%' })).table);
  const tables = (await fetchCommand('CommandGetTables', { catalog: 'lakehouse', table_name_filter_pattern: '%', include_schema: true, table_types: ['TABLE', 'VIEW'] })).table;
  out.tables = rows(tables).map((r, i) => ({ catalog: r[0], schema: r[1], name: r[2], type: r[3], columns: fields(schemaOf(tables.getChild('table_schema').get(i))) }));
  out.tableTypes = rows((await fetchCommand('CommandGetTableTypes', {})).table);
  out.primaryKeys = fields((await fetchCommand('CommandGetPrimaryKeys', { table: 'events' })).table.schema).map((f) => f.name);
  out.select = await prepared('SELECT * FROM demo.events');
  out.byId = await prepared('SELECT * FROM demo.events WHERE id = ?', new Table({ 0: vectorFromArray([3n, 1n], new Int64()) }));
  out.insert = await prepared('INSERT INTO demo.events VALUES (?, ?, ?)', new Table({
    0: vectorFromArray([201n, 202n], new Int64()), 1: vectorFromArray(['node', null], new Utf8()), 2: vectorFromArray([0.5, 7], new Float64()) }));
  out.afterInsert = await prepared('SELECT * FROM demo.events');
  return out;
}

async function adbc() {
  bearer = await handshake();
  const info = sqlInfoSummary((await fetchCommand('CommandGetSqlInfo', { info: [8] })).table);
  const q = await fetchCommand('CommandStatementQuery', { query: 'SELECT * FROM demo.events' });
  return { sqlInfo: info, schema: q.infoSchema, rows: rows(q.table) };
}

async function dbapi() {
  bearer = await handshake();
  const info = sqlInfoSummary((await fetchCommand('CommandGetSqlInfo', { info: [0, 2, 3, 504] })).table);
  const q = await fetchCommand('CommandStatementQuery', { query: 'SELECT * FROM demo.events' });
  return { sqlInfo: info, locations: q.locations, rows: rows(q.table) };
}

async function abuse() {
  const code = (p) => p.then(() => 0, (e) => e.code);
  const query = { type: 'CMD', cmd: pack('CommandStatementQuery', { query: 'SELECT * FROM demo.events' }), path: [] };
  const out = {};
  out.noToken = await code(unary('GetFlightInfo', query, md(null)));
  out.wrongToken = await code(unary('GetFlightInfo', query, md('Bearer not-a-token')));
  bearer = await handshake();
  out.garbage = await code(unary('GetFlightInfo', { type: 'CMD', cmd: Buffer.from([0xff, 0xff, 0x01]), path: [] }));
  out.unknownType = await code(unary('GetFlightInfo', { type: 'CMD', cmd: encodeAny('type.googleapis.com/arrow.flight.protocol.sql.CommandNope', Buffer.alloc(0)), path: [] }));
  out.ok = await code(unary('GetFlightInfo', query));
  return out;
}

const result = { jdbc: await jdbc(), adbc: await adbc(), dbapi: await dbapi(), abuse: await abuse() };
result.calls = calls.length;
process.stdout.write(JSON.stringify(result, (k, v) => typeof v === 'bigint' ? v.toString() : v));
client.close();
