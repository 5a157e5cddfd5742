// Reads an Avro object container file with avro-js and prints JSON:
// {"schema": <writer schema>, "codec": "...", "metadata": {key: utf8 string}, "count": N, "records": [...]}
// Usage: node avro-read.mjs FILE [--count-only]
import { avro, decodeCodecs, parseOpts, plain, stringify } from './avro-common.mjs';
import fs from 'node:fs';

const [file, flag] = process.argv.slice(2);
const decoder = fs.createReadStream(file).on('error', (e) => decoder.emit('error', e)).pipe(new avro.streams.BlockDecoder({ codecs: decodeCodecs, parseOpts: { ...parseOpts, registry: { ...parseOpts.registry } } }));
let type = null;
let codec = null;
let metadata = {};
const records = [];
let count = 0;
decoder.on('metadata', (t, c, header) => {
  type = t;
  codec = c;
  for (const [k, v] of Object.entries(header.meta)) metadata[k] = v.toString('utf8');
});
decoder.on('data', (r) => {
  count++;
  if (flag !== '--count-only') records.push(plain(type, r));
});
decoder.on('error', (e) => { console.error(e.stack || String(e)); process.exit(2); });
decoder.on('end', () => {
  process.stdout.write(stringify({ schema: JSON.parse(metadata['avro.schema']), codec, metadata, count, records }));
});
