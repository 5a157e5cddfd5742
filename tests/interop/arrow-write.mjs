// Usage: node arrow-write.mjs OUTDIR — apache-arrow builds deterministic tables (seeded LCG, edge values,
// nulls, nested types, dictionaries, empty batches) and writes each as an IPC stream (NAME.arrows) and
// file (NAME.arrow), plus NAME.json: its own dump of the data after reading its stream back.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  tableFromIPC, tableToIPC, vectorFromArray, makeTable, Table, RecordBatch,
  Bool, Int8, Int16, Int32, Int64, Uint8, Uint16, Uint32, Uint64, Float32, Float64, Utf8, LargeUtf8, Binary,
  DateDay, DateMillisecond, TimestampMillisecond, TimestampNanosecond, TimeMicrosecond, List, Field, Struct,
  Dictionary, FixedSizeList, FixedSizeBinary, Null, Map_, DurationSecond,
} from 'apache-arrow';
import { dumpTable } from './arrow-dump-lib.mjs';

const out = process.argv[2];
let state = 12345;
const next = () => { state = (state * 1103515245 + 12345) % 2147483648; return state; };
const rnd = (n) => next() % n;
const maybe = (v, rate = 5) => (rnd(rate) === 0 ? null : v);
const words = ['', 'a', 'héllo', '日本語', 'emoji 😀', 'longer than twelve bytes for sure', 'Ω≈ç√'];

function column(n, make) { const a = []; for (let i = 0; i < n; i++) a.push(make(i)); return a; }

function primitives(n) {
  return {
    b: vectorFromArray(column(n, () => maybe(rnd(2) === 1)), new Bool()),
    i8: vectorFromArray(column(n, (i) => (i === 0 ? -128 : i === 1 ? 127 : maybe(rnd(256) - 128))), new Int8()),
    i16: vectorFromArray(column(n, (i) => (i === 0 ? -32768 : i === 1 ? 32767 : maybe(rnd(65536) - 32768))), new Int16()),
    i32: vectorFromArray(column(n, (i) => (i === 0 ? -2147483648 : i === 1 ? 2147483647 : maybe(rnd(2000000) - 1000000))), new Int32()),
    i64: vectorFromArray(column(n, (i) => (i === 0 ? -(2n ** 63n) : i === 1 ? 2n ** 63n - 1n : maybe(BigInt(rnd(1e9)) * 1000003n - 7n))), new Int64()),
    u8: vectorFromArray(column(n, (i) => (i === 1 ? 255 : maybe(rnd(256)))), new Uint8()),
    u16: vectorFromArray(column(n, (i) => (i === 1 ? 65535 : maybe(rnd(65536)))), new Uint16()),
    u32: vectorFromArray(column(n, (i) => (i === 1 ? 4294967295 : maybe(rnd(1e9)))), new Uint32()),
    u64: vectorFromArray(column(n, (i) => (i === 1 ? 2n ** 64n - 1n : maybe(BigInt(rnd(1e9)) * 99991n))), new Uint64()),
    f32: vectorFromArray(column(n, (i) => (i === 0 ? NaN : i === 1 ? -Infinity : maybe(rnd(100000) / 7))), new Float32()),
    f64: vectorFromArray(column(n, (i) => (i === 0 ? Number.MAX_VALUE : i === 1 ? -0 : maybe(rnd(1e9) / 13))), new Float64()),
    s: vectorFromArray(column(n, () => maybe(words[rnd(words.length)] + rnd(100))), new Utf8()),
    ls: vectorFromArray(column(n, () => maybe(words[rnd(words.length)])), new LargeUtf8()),
    bin: vectorFromArray(column(n, () => maybe(Uint8Array.from(column(rnd(9), () => rnd(256))))), new Binary()),
    d32: vectorFromArray(column(n, () => maybe(new Date(Date.UTC(1970 + rnd(100), rnd(12), 1 + rnd(28))))), new DateDay()),
    d64: vectorFromArray(column(n, () => maybe(new Date(Date.UTC(1970 + rnd(100), rnd(12), 1 + rnd(28))))), new DateMillisecond()),
    tsms: vectorFromArray(column(n, () => maybe(rnd(2e9) * 1000)), new TimestampMillisecond()),
    tsns: vectorFromArray(column(n, () => maybe(rnd(2e9) * 1000 + rnd(1000))), new TimestampNanosecond('UTC')),
    t64: vectorFromArray(column(n, () => maybe(BigInt(rnd(86400)) * 1000000n)), new TimeMicrosecond()),
    dur: vectorFromArray(column(n, () => maybe(BigInt(rnd(1e6)))), new DurationSecond()),
    nul: vectorFromArray(column(n, () => null), new Null()),
  };
}

function nested(n) {
  const listType = new List(new Field('item', new Int32(), true));
  const structType = new Struct([new Field('x', new Int64(), true), new Field('y', new Utf8(), true)]);
  const dictType = new Dictionary(new Utf8(), new Int32());
  const fslType = new FixedSizeList(3, new Field('item', new Int16(), true));
  const mapType = new Map_(new Field('entries', new Struct([new Field('key', new Utf8(), false), new Field('value', new Int32(), true)]), false));
  return {
    list: vectorFromArray(column(n, () => maybe(column(rnd(4), () => maybe(rnd(1000))))), listType),
    strct: vectorFromArray(column(n, () => maybe({ x: maybe(BigInt(rnd(1e6))), y: maybe(words[rnd(words.length)]) })), structType),
    dict: vectorFromArray(column(n, () => maybe(['red', 'green', 'blue', ''][rnd(4)])), dictType),
    fsl: vectorFromArray(column(n, () => maybe([maybe(rnd(100)), rnd(100), maybe(rnd(100))])), fslType),
    fsb: vectorFromArray(column(n, () => maybe(Uint8Array.from(column(4, () => rnd(256))))), new FixedSizeBinary(4)),
    map: vectorFromArray(column(n, () => maybe(new Map(column(rnd(3), (k) => [`k${k}`, maybe(rnd(50))])))), mapType),
  };
}

function write(name, table, fileFormat = true) {
  const stream = tableToIPC(table, 'stream');
  writeFileSync(join(out, `${name}.arrows`), stream);
  if (fileFormat) writeFileSync(join(out, `${name}.arrow`), tableToIPC(table, 'file'));
  writeFileSync(join(out, `${name}.json`), JSON.stringify(dumpTable(tableFromIPC(stream))));
}

function multiBatch(make, sizes) {
  const tables = sizes.map((n) => new Table(make(n)));
  const schema = tables[0].schema;
  return new Table(schema, tables.flatMap((t) => t.batches.map((b) => new RecordBatch(schema, b.data))));
}

write('primitives', new Table(primitives(200)));
write('nested', new Table(nested(150)));
write('empty_and_multi', multiBatch(primitives, [0, 17, 1]));
// Each batch has its own dictionary: a replacement in the stream, which the file format forbids.
write('nested_multi', multiBatch(nested, [3, 0, 40]), false);
