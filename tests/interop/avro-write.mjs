// Writes Avro container files with avro-js for the C# reader to check. Usage:
// node avro-write.mjs SCHEMA_JSON_FILE RECORDS_JSON_FILE OUT_FILE CODEC [BLOCK_SIZE]
// RECORDS_JSON_FILE holds plain JSON values (see fromPlain in avro-common.mjs); CODEC is null, deflate or snappy.
import { avro, encodeCodecs, fromPlain, parseSchema } from './avro-common.mjs';
import fs from 'node:fs';

const [schemaFile, recordsFile, out, codec, blockSize] = process.argv.slice(2);
const schemaJson = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const type = parseSchema(schemaJson);
const records = JSON.parse(fs.readFileSync(recordsFile, 'utf8'));
const encoder = avro.createFileEncoder(out, schemaJson, {
  codec,
  codecs: encodeCodecs,
  blockSize: blockSize ? Number(blockSize) : undefined,
});
// createFileEncoder parses the schema itself (without our BigInt long); swap in our type.
encoder._type = type;
encoder._downstream.on('finish', () => process.stdout.write(JSON.stringify({ written: records.length })));
encoder.on('error', (e) => { console.error(e.stack || String(e)); process.exit(2); });
for (const r of records) encoder.write(fromPlain(type, r));
encoder.end();
