// Dumps apache-arrow Data (as decoded by apache-arrow itself) to a JSON shape the C# tests compare with:
// per slot: null | true/false (bool) | lowercase hex of the raw little-endian bytes (every fixed-width type
// and binary/string values) | array (list, large list, map entries, fixed-size list, struct fields in order)
// | {type, value} (union) ; dictionary slots are dumped as their decoded dictionary value.
import { Type } from 'apache-arrow';

const hex = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

function bytesOf(typed) {
  return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
}

function isValid(data, i) {
  if (data.typeId === Type.Null) return false;
  if (data.typeId === Type.Union) return true;
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0) return true;
  const bit = data.offset + i;
  return (bitmap[bit >> 3] & (1 << (bit & 7))) !== 0;
}

function offsetAt(data, k) {
  const v = data.valueOffsets[k];
  return typeof v === 'bigint' ? Number(v) : v;
}

function fixedWidthBytes(type) {
  switch (type.typeId) {
    case Type.Int: return type.bitWidth / 8;
    case Type.Float: return [2, 4, 8][type.precision];
    case Type.Decimal: return type.bitWidth / 8;
    case Type.Date: return type.unit === 0 ? 4 : 8;
    case Type.Time: return type.bitWidth / 8;
    case Type.Timestamp: return 8;
    case Type.Duration: return 8;
    case Type.Interval: return [4, 8, 16][type.unit];
    case Type.FixedSizeBinary: return type.byteWidth;
    default: return 0;
  }
}

function dictionaryData(vector, index) {
  for (const chunk of vector.data) {
    if (index < chunk.length) return [chunk, index];
    index -= chunk.length;
  }
  throw new Error('dictionary index out of range');
}

export function dumpSlot(data, i) {
  const type = data.type;
  if (data.dictionary && type.typeId === Type.Dictionary) {
    if (!isValid(data, i)) return null;
    const idx = Number(data.values[data.offset + i]);
    const [chunk, j] = dictionaryData(data.dictionary, idx);
    return dumpSlot(chunk, j);
  }
  if (!isValid(data, i)) return null;
  const slot = data.offset + i;
  switch (type.typeId) {
    case Type.Bool: return (data.values[slot >> 3] & (1 << (slot & 7))) !== 0;
    case Type.Binary: case Type.Utf8: case Type.LargeBinary: case Type.LargeUtf8: {
      const start = offsetAt(data, slot), end = offsetAt(data, slot + 1);
      return hex(data.values.subarray(start, end));
    }
    case Type.BinaryView: case Type.Utf8View: {
      const views = bytesOf(data.values);
      const view = new DataView(views.buffer, views.byteOffset + slot * 16, 16);
      const size = view.getInt32(0, true);
      if (size <= 12) return hex(views.subarray(slot * 16 + 4, slot * 16 + 4 + size));
      const bufferIndex = view.getInt32(8, true), offset = view.getInt32(12, true);
      return hex(data.variadicBuffers[bufferIndex].subarray(offset, offset + size));
    }
    case Type.List: case Type.LargeList: case Type.Map: {
      const start = offsetAt(data, slot), end = offsetAt(data, slot + 1);
      const out = [];
      for (let k = start; k < end; k++) out.push(dumpSlot(data.children[0], k));
      return out;
    }
    case Type.FixedSizeList: {
      const size = type.listSize, out = [];
      for (let k = 0; k < size; k++) out.push(dumpSlot(data.children[0], slot * size + k));
      return out;
    }
    case Type.Struct: return data.children.map((c) => dumpSlot(c, slot));
    case Type.Union: {
      const code = data.typeIds[slot];
      const child = type.typeIdToChildIndex[code];
      const index = type.mode === 1 ? data.valueOffsets[slot] : slot;
      return { type: code, value: dumpSlot(data.children[child], index) };
    }
    default: {
      const width = fixedWidthBytes(type);
      if (width === 0) throw new Error(`cannot dump type ${type}`);
      const all = bytesOf(data.values);
      return hex(all.subarray(slot * width, (slot + 1) * width));
    }
  }
}

export function dumpTable(table) {
  const batches = table.batches.map((batch) => ({
    length: batch.numRows,
    columns: batch.schema.fields.map((_, c) => {
      const data = batch.data.children[c];
      const out = [];
      for (let i = 0; i < batch.numRows; i++) out.push(dumpSlot(data, i));
      return out;
    }),
  }));
  const fields = table.schema.fields.map((f) => ({ name: f.name, type: String(f.type), nullable: f.nullable }));
  return { fields, batches };
}
