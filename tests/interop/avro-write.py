#!/usr/bin/python3
"""Writes an Avro container file with Debian's python3-avro for the C# reader to check.
Usage: /usr/bin/python3 avro-write.py SCHEMA_JSON_FILE RECORDS_JSON_FILE OUT_FILE CODEC
Records are plain JSON (bytes/fixed as arrays of numbers, longs beyond 2^53 as strings). Give a schema
without logical types: python3-avro expects Decimal/date/datetime objects for those."""
import json
import sys

import avro.datafile
import avro.io
import avro.schema


def from_plain(schema, v):
    t = schema.type
    if t == 'union':
        if v is None:
            return None
        for branch in schema.schemas:
            if branch.type == 'null':
                continue
            try:
                x = from_plain(branch, v)
            except (TypeError, ValueError):
                continue
            if avro.io.validate(branch, x):
                return x
        raise ValueError('no union branch for %r' % (v,))
    if t in ('record', 'error'):
        return {f.name: from_plain(f.type, v[f.name]) for f in schema.fields}
    if t == 'array':
        return [from_plain(schema.items, x) for x in v]
    if t == 'map':
        return {k: from_plain(schema.values, x) for k, x in v.items()}
    if t in ('bytes', 'fixed'):
        if not isinstance(v, list):
            raise TypeError('bytes expected')
        return bytes(v)
    if t in ('long', 'int'):
        if isinstance(v, str):
            return int(v)
        if not isinstance(v, int) or isinstance(v, bool):
            raise TypeError('integer expected')
        return v
    if t == 'string' and not isinstance(v, str):
        raise TypeError('string expected')
    return v


def main():
    schema_file, records_file, out, codec = sys.argv[1:5]
    with open(schema_file, encoding='utf-8') as f:
        schema = avro.schema.parse(f.read())
    with open(records_file, encoding='utf-8') as f:
        records = json.load(f)
    with open(out, 'wb') as f:
        writer = avro.datafile.DataFileWriter(f, avro.io.DatumWriter(), schema, codec=codec)
        writer.set_meta('writer', b'python3-avro')
        for i, r in enumerate(records):
            writer.append(from_plain(schema, r))
            if i % 50 == 49:
                writer.sync()  # end the block: several blocks per file
        writer.close()


main()
