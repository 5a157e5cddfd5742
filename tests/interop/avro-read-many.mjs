// Reads many Avro container files with avro-js. Usage: node avro-read-many.mjs LIST_FILE (paths one per line). Prints one JSON line per
// file: {"file": ..., "codec": ..., "metadata": {...}, "count": N, "records": [...]} or {"file": ..., "error": ...}.
import { avro, decodeCodecs, parseOpts, plain, stringify } from './avro-common.mjs';
import fs from 'node:fs';

const files = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.length > 0);

function readOne(file) {
  return new Promise((resolve) => {
    const decoder = fs.createReadStream(file).on('error', (e) => decoder.emit('error', e)).pipe(new avro.streams.BlockDecoder({ codecs: decodeCodecs, parseOpts: { ...parseOpts, registry: { ...parseOpts.registry } } }));
    let type = null;
    let codec = null;
    const metadata = {};
    const records = [];
    decoder.on('metadata', (t, c, header) => {
      type = t;
      codec = c;
      for (const [k, v] of Object.entries(header.meta)) metadata[k] = v.toString('utf8');
    });
    decoder.on('data', (r) => records.push(plain(type, r)));
    decoder.on('error', (e) => resolve({ file, error: String(e && e.message ? e.message : e) }));
    decoder.on('end', () => resolve({ file, codec, metadata, count: records.length, records }));
  });
}

const out = [];
for (const f of files) out.push(stringify(await readOne(f)));
process.stdout.write(out.join('\n') + '\n');
