"""Flight SQL smoke sequence with Debian's python3-grpcio (gRPC C core), protobuf encoded by hand.

    /usr/bin/python3 flightsql-smoke.py <host:port> <user> <password>

Handshake with Basic credentials -> Bearer token from the response headers; GetFlightInfo(CommandStatementQuery)
-> DoGet (counts FlightData messages and bytes); CreatePreparedStatement / ClosePreparedStatement; a call
without a token. Prints one JSON object.
"""
import base64
import json
import sys

import grpc

SQL = "type.googleapis.com/arrow.flight.protocol.sql."
SERVICE = "/arrow.flight.protocol.FlightService/"


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


def bytes_field(number, data):
    return varint((number << 3) | 2) + varint(len(data)) + data


def any_message(name, body):
    return bytes_field(1, (SQL + name).encode()) + bytes_field(2, body)


def parse(data):
    """field number -> list of raw values (bytes for length-delimited, int for varints)."""
    fields, pos = {}, 0
    while pos < len(data):
        key, shift = 0, 0
        while True:
            b = data[pos]
            pos += 1
            key |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                break
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, shift = 0, 0
            while True:
                b = data[pos]
                pos += 1
                value |= (b & 0x7F) << shift
                shift += 7
                if b < 0x80:
                    break
        elif wire == 2:
            length, shift = 0, 0
            while True:
                b = data[pos]
                pos += 1
                length |= (b & 0x7F) << shift
                shift += 7
                if b < 0x80:
                    break
            value = data[pos:pos + length]
            pos += length
        elif wire == 1:
            value = data[pos:pos + 8]
            pos += 8
        elif wire == 5:
            value = data[pos:pos + 4]
            pos += 4
        else:
            raise ValueError("wire type %d" % wire)
        fields.setdefault(number, []).append(value)
    return fields


def ident(x):
    return x


def main():
    address, user, password = sys.argv[1:4]
    channel = grpc.insecure_channel(address)
    out = {}

    handshake = channel.stream_stream(SERVICE + "Handshake", request_serializer=ident, response_deserializer=ident)
    basic = "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()
    call = handshake(iter([b""]), metadata=[("authorization", basic)])
    list(call)
    token = dict(call.initial_metadata()).get("authorization")
    out["bearer"] = bool(token and token.startswith("Bearer "))
    auth = [("authorization", token)]

    get_info = channel.unary_unary(SERVICE + "GetFlightInfo", request_serializer=ident, response_deserializer=ident)
    command = any_message("CommandStatementQuery", bytes_field(1, b"SELECT * FROM demo.events"))
    descriptor = varint((1 << 3) | 0) + varint(2) + bytes_field(2, command)  # type = CMD, cmd
    info = parse(get_info(descriptor, metadata=auth))
    endpoint = parse(info[3][0])
    ticket = endpoint[1][0]
    out["locations"] = len(endpoint.get(2, []))

    do_get = channel.unary_stream(SERVICE + "DoGet", request_serializer=ident, response_deserializer=ident)
    messages, body_bytes = 0, 0
    for data in do_get(ticket, metadata=auth):
        fields = parse(data)
        messages += 1
        body_bytes += len(fields.get(1000, [b""])[0])
    out["messages"] = messages
    out["bodyBytes"] = body_bytes

    do_action = channel.unary_stream(SERVICE + "DoAction", request_serializer=ident, response_deserializer=ident)
    request = any_message("ActionCreatePreparedStatementRequest", bytes_field(1, b"SELECT * FROM demo.events"))
    results = list(do_action(bytes_field(1, b"CreatePreparedStatement") + bytes_field(2, request), metadata=auth))
    created = parse(parse(parse(results[0])[1][0])[2][0])
    handle = created[1][0]
    out["preparedHandleBytes"] = len(handle)
    out["hasDatasetSchema"] = len(created.get(2, [b""])[0]) > 0
    close = any_message("ActionClosePreparedStatementRequest", bytes_field(1, handle))
    list(do_action(bytes_field(1, b"ClosePreparedStatement") + bytes_field(2, close), metadata=auth))

    try:
        get_info(descriptor)
        out["noToken"] = 0
    except grpc.RpcError as e:
        out["noToken"] = e.code().value[0]

    print(json.dumps(out))


if __name__ == "__main__":
    main()
