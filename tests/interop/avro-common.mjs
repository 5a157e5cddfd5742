// Shared helpers for the Avro oracle scripts: avro-js (the Avro project's JavaScript library) with
// 64-bit longs as BigInt, the snappy codec (snappyjs + the big-endian CRC32 the Avro spec requires),
// zstandard decompression (fzstd), and conversion of decoded values to plain JSON.
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
// avro-js's index also loads a deprecated validator that needs a package avro-js does not declare
// (underscore); the library proper is in lib/files.js and lib/schemas.js.
const files = require('avro-js/lib/files');
const schemas = require('avro-js/lib/schemas');
export const avro = { ...files, types: schemas.types };
const snappy = require('snappyjs');
const fzstd = require('fzstd');

const T = avro.types;

// Longs as BigInt: avro-js refuses longs beyond 2^53 otherwise (Iceberg snapshot ids are larger). The
// varint is decoded here from the raw bytes avro-js hands over (noUnpack), keeping the low 64 bits like
// Java's reader does when a writer sets bits past the 64th (one DuckDB fixture has a snapshot id > 2^63).
function varintToBigInt(buf) {
  let z = 0n;
  for (let i = 0; i < buf.length; i++) z |= BigInt(buf[i] & 0x7f) << BigInt(7 * i);
  z = BigInt.asUintN(64, z);
  return BigInt.asIntN(64, (z >> 1n) ^ -(z & 1n));
}

function bigIntToVarint(n) {
  let z = BigInt.asUintN(64, (BigInt(n) << 1n) ^ (BigInt(n) >> 63n));
  const out = [];
  while (z >= 0x80n) { out.push(Number(z & 0x7fn) | 0x80); z >>= 7n; }
  out.push(Number(z));
  return Buffer.from(out);
}

export const bigLong = T.LongType.using({
  fromBuffer: varintToBigInt,
  toBuffer: bigIntToVarint,
  fromJSON: (x) => BigInt(x),
  toJSON: (n) => Number(n),
  isValid: (n) => typeof n === 'bigint',
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
}, true);

export const parseOpts = {
  registry: { long: bigLong },
  typeHook: (attrs) => (attrs && attrs.type === 'long' ? bigLong : undefined),
};

export function parseSchema(schema) {
  return avro.parse(schema, { ...parseOpts, registry: { ...parseOpts.registry } });
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
  null: (buf, cb) => cb(null, Buffer.from(buf)),
  deflate: zlib.deflateRaw,
  snappy: (buf, cb) => {
    try {
      const c = Buffer.from(snappy.compress(buf));
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(buf));
      const block = Buffer.concat([c, crc]);
      setImmediate(() => cb(null, block));
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
