"""Smoke test of the Lakehouse gRPC server with Debian's python3-grpcio (a C-core gRPC implementation).

    /usr/bin/python3 grpc-smoke.py <host:port>

Messages of the test EchoService (tests/Lakehouse.Flight.Tests/Protos/echo.proto) are encoded by hand
(no protoc needed): unary, server streaming, client streaming, bidi, an error status, a deadline.
Prints one JSON object with what it saw.
"""
import json
import sys

import grpc


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(number, wire_type, body):
    return varint((number << 3) | wire_type) + body


def string_field(number, text):
    data = text.encode("utf-8")
    return field(number, 2, varint(len(data)) + data)


def int_field(number, value):
    return field(number, 0, varint(value))


def parse(data):
    """Decodes the fields of an EchoReply we look at: message (1), index (2), total (5)."""
    fields, i = {}, 0
    while i < len(data):
        key, i = read_varint(data, i)
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            value, i = read_varint(data, i)
        elif wire_type == 2:
            length, i = read_varint(data, i)
            value, i = data[i:i + length], i + length
        else:
            raise ValueError("unexpected wire type %d" % wire_type)
        fields.setdefault(number, value)
    return {"message": fields.get(1, b"").decode("utf-8"), "index": fields.get(2, 0), "total": fields.get(5, 0)}


def read_varint(data, i):
    shift, result = 0, 0
    while True:
        b = data[i]
        i += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, i
        shift += 7


def main():
    address = sys.argv[1]
    out = {}
    identity = lambda b: b  # noqa: E731 - messages are bytes already
    with grpc.insecure_channel(address) as channel:
        path = "/lakehouse.test.EchoService/"
        unary = channel.unary_unary(path + "Unary", request_serializer=identity, response_deserializer=parse)
        stream = channel.unary_stream(path + "ServerStream", request_serializer=identity, response_deserializer=parse)
        client_stream = channel.stream_unary(path + "ClientStream", request_serializer=identity, response_deserializer=parse)
        bidi = channel.stream_stream(path + "Bidi", request_serializer=identity, response_deserializer=parse)

        out["unary"] = unary(string_field(1, "from python"), timeout=30)["message"]
        out["serverStream"] = [r["index"] for r in stream(string_field(1, "s") + int_field(2, 4), timeout=30)]
        out["clientStream"] = client_stream(iter([string_field(1, "m%d" % i) for i in range(6)]), timeout=30)["total"]
        out["bidi"] = [r["message"] for r in bidi(iter([string_field(1, "p%d" % i) for i in range(3)]), timeout=30)]
        try:
            unary(int_field(5, 9) + string_field(6, "precondition \u00e9 100%"), timeout=30)
            out["error"] = None
        except grpc.RpcError as e:
            out["error"] = {"code": e.code().value[0], "details": e.details()}
        try:
            unary(int_field(3, 20000), timeout=0.3)
            out["deadline"] = None
        except grpc.RpcError as e:
            out["deadline"] = e.code().value[0]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
