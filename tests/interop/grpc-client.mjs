// Independent gRPC client (@grpc/grpc-js + @grpc/proto-loader) run against the Lakehouse gRPC server.
//
//   node grpc-client.mjs echo   <host:port> <echo.proto>      every call shape, errors, deadline, metadata, gzip
//   node grpc-client.mjs flight <host:port> <dir with Flight.proto>  Flight handshake, actions, unimplemented
//
// Prints one JSON object with what each scenario observed; the C# test asserts on it.
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import path from 'node:path';

const [mode, address, protoArg] = process.argv.slice(2);
const loaderOptions = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

function load(file, includeDirs = []) {
  return grpc.loadPackageDefinition(protoLoader.loadSync(file, { ...loaderOptions, includeDirs }));
}

function statusOf(err) {
  return err ? { code: err.code, details: err.details, trailer: err.metadata?.get('x-error-detail')?.[0] ?? null } : { code: 0 };
}

function unary(client, method, request, options = {}, metadata = new grpc.Metadata()) {
  return new Promise((resolve) => {
    const seen = { headers: null, trailers: null, err: null, reply: null };
    let pending = 2; // the callback and the 'status' event, in either order
    const done = () => { if (--pending === 0) resolve(seen); };
    const call = client[method](request, metadata, options, (err, reply) => { seen.err = err; seen.reply = reply; done(); });
    call.on('metadata', (md) => { seen.headers = md.getMap(); });
    call.on('status', (st) => { seen.trailers = st.metadata.getMap(); done(); });
  });
}

function collect(call, onMessage) {
  return new Promise((resolve) => {
    const replies = [];
    let headers = null;
    call.on('metadata', (md) => { headers = md.getMap(); });
    call.on('data', (d) => { replies.push(d); if (onMessage) onMessage(d, replies.length); });
    call.on('error', (err) => resolve({ replies, err, headers }));
    call.on('status', (st) => { if (st.code === 0) resolve({ replies, err: null, headers, trailers: st.metadata.getMap() }); });
  });
}

async function echo() {
  const pkg = load(protoArg);
  const Echo = pkg.lakehouse.test.EchoService;
  const client = new Echo(address, grpc.credentials.createInsecure());
  const out = {};

  const md = new grpc.Metadata();
  md.set('x-custom', 'from-node');
  md.set('x-blob-bin', Buffer.from([0, 1, 2, 255]));
  const u = await unary(client, 'Unary', { message: 'hello', payload: Buffer.from('payload') }, {}, md);
  out.unary = {
    message: u.reply?.message, payload: u.reply?.payload?.toString(), custom: u.reply?.metadata?.['x-custom'],
    blob: u.reply?.metadata?.['x-blob-bin'], header: u.headers?.['x-echo-header'] ?? null, trailer: u.trailers?.['x-echo-trailer'] ?? null,
    status: statusOf(u.err),
  };

  const s = await collect(client.ServerStream({ message: 's', count: 7 }));
  out.serverStream = { indexes: s.replies.map((r) => r.index), status: statusOf(s.err) };

  out.clientStream = await new Promise((resolve) => {
    const call = client.ClientStream((err, reply) => resolve({ total: reply?.total, bytes: reply?.bytes, status: statusOf(err) }));
    for (let i = 0; i < 10; i++) call.write({ message: 'm' + i, payload: Buffer.alloc(100) });
    call.end();
  });

  out.bidi = await new Promise((resolve) => {
    const call = client.Bidi();
    const got = [];
    call.on('data', (d) => {
      got.push(d.message);
      if (got.length < 5) call.write({ message: 'ping' + got.length }); else call.end();
    });
    call.on('error', (err) => resolve({ got, status: statusOf(err) }));
    call.on('status', (st) => { if (st.code === 0) resolve({ got, status: { code: 0 } }); });
    call.write({ message: 'ping0' });
  });

  const special = 'bad: 100% "quoted" \u00e9t\u00e9 \u65e5\u672c\r\nline2';
  const e = await unary(client, 'Unary', { fail_code: 5, fail_message: special });
  out.error = { ...statusOf(e.err), expected: special };

  const mid = await collect(client.ServerStream({ count: 10, fail_code: 15, fail_after: 3, fail_message: 'lost' }));
  out.errorMidStream = { received: mid.replies.length, ...statusOf(mid.err) };

  const d = await unary(client, 'Unary', { delay_ms: 20000 }, { deadline: new Date(Date.now() + 300) });
  out.deadline = statusOf(d.err);

  const t = await unary(client, 'Unary', { message: 't' }, { deadline: new Date(Date.now() + 60000) });
  out.timeoutHeader = t.reply?.metadata?.['seen-grpc-timeout'] ?? null;

  out.unimplemented = await new Promise((resolve) => {
    client.makeUnaryRequest('/lakehouse.test.EchoService/Nope', (x) => x, (x) => x, Buffer.alloc(0), (err) => resolve(statusOf(err)));
  });

  const cancelCall = client.ServerStream({ count: 1000000, delay_ms: 5 });
  const c = await collect(cancelCall, (_, n) => { if (n === 3) cancelCall.cancel(); });
  out.cancel = { received: c.replies.length, ...statusOf(c.err) };

  const gz = new Echo(address, grpc.credentials.createInsecure(), { 'grpc.default_compression_algorithm': 2 });
  const g = await unary(gz, 'Unary', { message: 'zip', payload: Buffer.alloc(100000, 7) });
  out.gzip = { message: g.reply?.message, encoding: g.reply?.metadata?.['seen-grpc-encoding'], compressedResponses: g.reply?.metadata?.['compress-responses'], length: g.reply?.payload?.length, status: statusOf(g.err) };
  gz.close();

  const big = await unary(client, 'Unary', { reply_size: 3 * 1024 * 1024 });
  out.largeReply = { length: big.reply?.payload?.length, status: statusOf(big.err) };

  client.close();
  return out;
}

async function flight() {
  const flightPkg = load(path.join(protoArg, 'Flight.proto'), [protoArg]);
  // FlightSql.proto must load too (it imports google/protobuf/descriptor.proto).
  const sqlPkg = load(path.join(protoArg, 'FlightSql.proto'), [protoArg]);
  const out = { sqlMessages: Object.keys(sqlPkg.arrow.flight.protocol.sql).length };
  const Flight = flightPkg.arrow.flight.protocol.FlightService;
  const client = new Flight(address, grpc.credentials.createInsecure());

  out.handshake = await new Promise((resolve) => {
    const md = new grpc.Metadata();
    md.set('authorization', 'Basic ' + Buffer.from('alice:secret').toString('base64'));
    const call = client.Handshake(md);
    let token = null;
    const payloads = [];
    call.on('metadata', (m) => { token = m.get('authorization')[0] ?? null; });
    call.on('data', (d) => payloads.push(d.payload.toString()));
    call.on('error', (err) => resolve({ token, payloads, status: statusOf(err) }));
    call.on('status', (st) => { if (st.code === 0) resolve({ token, payloads, status: { code: 0 } }); });
    call.write({ protocol_version: 0, payload: Buffer.from([0x12, 5, ...Buffer.from('alice')]) });
    call.end();
  });

  const auth = new grpc.Metadata();
  auth.set('authorization', out.handshake.token ?? '');
  const actions = await collect(client.ListActions({}, auth));
  out.actions = actions.replies.map((a) => a.type);

  const data = await collect(client.DoGet({ ticket: Buffer.from('t1') }, auth));
  out.doGet = { count: data.replies.length, metadata: data.replies.map((d) => d.app_metadata.toString()), status: statusOf(data.err) };

  const noToken = await collect(client.DoGet({ ticket: Buffer.from('t1') }));
  out.noToken = statusOf(noToken.err);

  out.poll = await new Promise((resolve) => client.PollFlightInfo({ type: 'CMD', cmd: Buffer.alloc(0) }, auth, (err) => resolve(statusOf(err))));
  client.close();
  return out;
}

const result = mode === 'flight' ? await flight() : await echo();
process.stdout.write(JSON.stringify(result) + '\n');
