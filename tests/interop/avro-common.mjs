// Shared helpers for the Avro oracle scripts: avro-js (the Avro project's JavaScript library) with
// 64-bit longs as BigInt, the snappy codec (snappyjs + the big-endian CRC32 the Avro spec requires),
// zstandard decompression (fzstd), and conversion of decoded values to plain JSON.
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
export const avro = require('avro-js');
const snappy = require('snappyjs');
const fzstd = require('fzstd');

const T = avro.types;

// Longs as BigInt: avro-js refuses longs beyond 2^53 otherwise (Iceberg snapshot ids are larger).
export const bigLong = T.LongType.using({
  fromBuffer: (buf) => buf.readBigInt64LE(0),
  toBuffer: (n) => { const b = Buffer.alloc(8); b.writeBigInt64LE(BigInt(n)); return b; },
  fromJSON: (x) => BigInt(x),
  toJSON: (n) => Number(n),
  isValid: (n) => typeof n === 'bigint',
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
});

export function parseSchema(schema) {
  return avro.parse(schema, { registry: { long: bigLong } });
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

export function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const decodeCodecs = {
  null: (buf, cb) => cb(null, buf),
  deflate: zlib.inflateRaw,
  snappy: (buf, cb) => {
    try {
      const data = Buffer.from(snappy.uncompress(buf.subarray(0, buf.length - 4)));
      const crc = buf.readUInt32BE(buf.length - 4);
      if (crc32(data) !== crc) return cb(new Error('snappy CRC32 mismatch'));
      cb(null, data);
    } catch (e) { cb(e); }
  },
  zstandard: (buf, cb) => {
    try { cb(null, Buffer.from(fzstd.decompress(new Uint8Array(buf)))); } catch (e) { cb(e); }
  },
};

export const encodeCodecs = {
  null: (buf, cb) => cb(null, buf),
  deflate: zlib.deflateRaw,
  snappy: (buf, cb) => {
    try {
      const c = Buffer.from(snappy.compress(buf));
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(buf));
      cb(null, Buffer.concat([c, crc]));
    } catch (e) { cb(e); }
  },
};

function unionBranchName(t) {
  return t._name || (typeof t.toJSON() === 'string' ? t.toJSON() : t.toJSON().type);
}

// A decoded value as plain JSON: unions unwrapped, bytes/fixed as arrays of numbers, longs as numbers
// when exact and as decimal strings otherwise.
export function plain(type, v) {
  if (type instanceof T.UnionType) {
    if (v === null) return null;
    const key = Object.keys(v)[0];
    const branch = type.getTypes().find((t) => unionBranchName(t) === key);
    return plain(branch, v[key]);
  }
  if (type instanceof T.RecordType) {
    const o = {};
    for (const f of type.getFields()) o[f.getName()] = plain(f.getType(), v[f.getName()]);
    return o;
  }
  if (type instanceof T.ArrayType) return v.map((x) => plain(type.getItemsType(), x));
  if (type instanceof T.MapType) {
    const o = {};
    for (const k of Object.keys(v)) o[k] = plain(type.getValuesType(), v[k]);
    return o;
  }
  if (typeof v === 'bigint') return v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v.toString();
  if (Buffer.isBuffer(v)) return Array.from(v);
  return v;
}

// The reverse for writing: plain JSON (as produced above) to avro-js values of `type`.
export function fromPlain(type, v) {
  if (type instanceof T.UnionType) {
    if (v === null) return null;
    for (const t of type.getTypes()) {
      if (unionBranchName(t) === 'null') continue;
      const x = fromPlain(t, v);
      if (t.isValid(x)) return { [unionBranchName(t)]: x };
    }
    throw new Error('no union branch for ' + JSON.stringify(v));
  }
  if (type instanceof T.RecordType) {
    const o = {};
    for (const f of type.getFields()) o[f.getName()] = fromPlain(f.getType(), v[f.getName()]);
    return o;
  }
  if (type instanceof T.ArrayType) return Array.isArray(v) ? v.map((x) => fromPlain(type.getItemsType(), x)) : v;
  if (type instanceof T.MapType) {
    const o = {};
    for (const k of Object.keys(v)) o[k] = fromPlain(type.getValuesType(), v[k]);
    return o;
  }
  if (type === bigLong || type instanceof T.LongType) return typeof v === 'number' || typeof v === 'string' ? BigInt(v) : v;
  if ((type instanceof T.BytesType || type instanceof T.FixedType) && Array.isArray(v)) return Buffer.from(v);
  return v;
}

export function stringify(x) {
  return JSON.stringify(x, (k, v) => (typeof v === 'bigint' ? v.toString() : v));
}
