#!/usr/bin/python3
"""Reads an Avro container file with Debian's python3-avro (the Avro project's Python library) and
prints {"count": N, "codec": ..., "metadata": {...}, "records": [...]} as JSON: bytes and fixed as
arrays of numbers. Usage: /usr/bin/python3 avro-read.py FILE [READER_SCHEMA_FILE]
python3-avro converts logical types itself; they are turned back into their underlying Avro values here
(decimal -> minimal two's-complement bytes, date -> days, timestamp -> microseconds, uuid -> string)."""
import datetime
import decimal
import json
import sys
import uuid

import avro.datafile
import avro.io
import avro.schema


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def plain(v):
    if isinstance(v, decimal.Decimal):
        n = int(v.scaleb(-v.as_tuple().exponent))
        return list(n.to_bytes((n.bit_length() + 8) // 8, 'big', signed=True))
    if isinstance(v, datetime.datetime):
        if v.tzinfo is None:
            v = v.replace(tzinfo=datetime.timezone.utc)
        return (v - EPOCH) // datetime.timedelta(microseconds=1)
    if isinstance(v, datetime.date):
        return (v - EPOCH.date()).days
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, (bytes, bytearray)):
        return list(v)
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, float) and (v != v or v in (float('inf'), float('-inf'))):
        return str(v)
    return v


def main():
    path = sys.argv[1]
    reader_schema = None
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding='utf-8') as f:
            reader_schema = avro.schema.parse(f.read())
    with open(path, 'rb') as f:
        reader = avro.datafile.DataFileReader(f, avro.io.DatumReader(readers_schema=reader_schema))
        metadata = {k: v.decode('utf-8', 'replace') for k, v in reader.meta.items()}
        records = [plain(r) for r in reader]
        out = {'count': len(records), 'codec': metadata.get('avro.codec'), 'metadata': metadata, 'records': records}
    sys.stdout.write(json.dumps(out))


main()
