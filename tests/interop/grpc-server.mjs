// Independent gRPC server (@grpc/grpc-js) implementing the test EchoService, for our client to call.
//
//   node grpc-server.mjs <echo.proto>
//
// Listens on 127.0.0.1 with a free port, prints "PORT <n>" and serves until standard input closes.
// Responses are gzip-compressed (grpc-js default_compression_algorithm) so our client's inflating is tested.
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const [protoPath] = process.argv.slice(2);
const pkg = grpc.loadPackageDefinition(protoLoader.loadSync(protoPath, { keepCase: true, longs: String, enums: String, defaults: true }));

function seen(call) {
  const out = {};
  for (const [k, v] of Object.entries(call.metadata.getMap())) out[k] = Buffer.isBuffer(v) ? v.toString('base64') : String(v);
  return out;
}

function failure(req) {
  const md = new grpc.Metadata();
  md.set('x-error-detail', 'extra');
  return { code: req.fail_code, details: req.fail_message, metadata: md };
}

function delay(ms, call) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    call.on('cancelled', () => { clearTimeout(timer); reject(new Error('cancelled')); });
  });
}

function headers(call) {
  const md = new grpc.Metadata();
  md.set('x-echo-header', 'header-value');
  call.sendMetadata(md);
}

function trailers() {
  const md = new grpc.Metadata();
  md.set('x-echo-trailer', 'trailer-value');
  return md;
}

function reply(req, index, call) {
  const payload = req.reply_size > 0 ? Buffer.alloc(req.reply_size, 1) : req.payload;
  return { message: req.message, index, payload, metadata: seen(call) };
}

const service = {
  async Unary(call, callback) {
    const req = call.request;
    if (req.delay_ms > 0) {
      try { await delay(req.delay_ms, call); } catch { return; }
    }
    if (req.fail_code > 0) return callback(failure(req));
    headers(call);
    callback(null, reply(req, 0, call), trailers());
  },
  async ServerStream(call) {
    const req = call.request;
    headers(call);
    for (let i = 0; i < req.count; i++) {
      if (req.fail_code > 0 && i === req.fail_after) { call.emit('error', failure(req)); return; }
      if (req.delay_ms > 0) {
        try { await delay(req.delay_ms, call); } catch { return; }
      }
      if (call.cancelled) return;
      call.write(reply(req, i, call));
    }
    call.end(trailers());
  },
  ClientStream(call, callback) {
    let total = 0; let bytes = 0; let last = {};
    call.on('data', (req) => { total++; bytes += req.payload.length; last = req; });
    call.on('end', () => {
      if (last.fail_code > 0) return callback(failure(last));
      callback(null, { ...reply(last, 0, call), total, bytes });
    });
  },
  Bidi(call) {
    let index = 0;
    call.on('data', (req) => {
      if (req.fail_code > 0) { call.emit('error', failure(req)); return; }
      call.write(reply(req, index++, call));
    });
    call.on('end', () => call.end());
  },
};

const server = new grpc.Server({ 'grpc.default_compression_algorithm': 2, 'grpc.default_compression_level': 2 });
server.addService(pkg.lakehouse.test.EchoService.service, service);
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) { console.error(err); process.exit(1); }
  process.stdout.write(`PORT ${port}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => server.tryShutdown(() => process.exit(0)));
