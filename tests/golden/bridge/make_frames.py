#!/usr/bin/env python3
"""Writes frames.csv: golden frames of firmware-bridge/PROTOCOL.md, from this independent
implementation of the document (COBS, CRC-16/CCITT-FALSE, little-endian fields).
Run from this folder: python3 make_frames.py > frames.csv"""
import struct

VERSION = 1


def crc16(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def cobs(data):
    out = bytearray()
    block = bytearray()
    for b in data:
        if b == 0:
            out.append(len(block) + 1)
            out += block
            block = bytearray()
        else:
            block.append(b)
            if len(block) == 254:
                out.append(255)
                out += block
                block = bytearray()
    out.append(len(block) + 1)
    out += block
    return bytes(out)


def raw(type_, seq, payload, version=VERSION, length=None):
    header = bytes([version, type_, seq, len(payload) if length is None else length])
    body = header + payload
    return body + struct.pack('<H', crc16(body))


def wire(raw_frame):
    return cobs(raw_frame) + b'\x00'


rows = []


def ok(name, type_, seq, payload):
    rows.append((name, type_, seq, payload.hex(), wire(raw(type_, seq, payload)).hex(), 'ok'))


def bad(name, type_, seq, payload, wire_bytes, result):
    rows.append((name, type_, seq, payload.hex(), wire_bytes.hex(), result))


ok('hello_request', 0x01, 0, b'')
ok('hello_avr', 0x01, 0, struct.pack('<BBBBIHB', 2, 1, 2, 1, 5000, 100, 1))
ok('sample_two_channels', 0x02, 7, struct.pack('<IBBii', 123456789, 3, 0, -1500, 250))
ok('sample_zeros', 0x02, 255, struct.pack('<IBBii', 0, 0, 1, 0, 0))
ok('command_one_channel', 0x03, 1, struct.pack('<Bi', 0, 1000))
ok('command_safe', 0x03, 2, struct.pack('<Bi', 1, 0))
ok('event_terminal', 0x04, 42, struct.pack('<BBHIi', 2, 0, 3, 4000000000, 0))
ok('event_reward', 0x04, 43, struct.pack('<BBHIi', 1, 1, 65535, 17, -1000))
ok('heartbeat', 0x05, 200, struct.pack('<IBHHHH', 250000, 1, 2, 3, 4, 5))
ok('config', 0x06, 3, struct.pack('<IHB', 5000, 100, 1))
ok('error_crc', 0x07, 9, struct.pack('<BBH', 3, 0, 12))
ok('reset_episode', 0x08, 4, b'')
ok('noise_seed_42', 0x09, 5, struct.pack('<q', 42))
ok('noise_next_6', 0x0A, 6, struct.pack('<B', 6))
ok('noise_words_two', 0x0B, 10, struct.pack('<IQbbQbb', 0, 0x15780b2e0c2ec716, -8, 1, 0x6104d9866d113a7e, -6, 1))
ok('max_payload_64', 0x0B, 11, bytes((i * 37 + 1) & 0xFF for i in range(64)))

good = raw(0x03, 1, struct.pack('<Bi', 0, 1000))
flipped = bytearray(good)
flipped[5] ^= 0x10
bad('bad_crc_bit_flip', 0x03, 1, b'', wire(bytes(flipped)), 'CRC')
crc_swapped = good[:-2] + good[-1:] + good[-2:-1]
bad('bad_crc_swapped', 0x03, 1, b'', wire(crc_swapped), 'CRC')
bad('bad_version', 0x03, 1, b'', wire(raw(0x03, 1, struct.pack('<Bi', 0, 1000), version=2)), 'VERSION')
bad('bad_length_field_long', 0x03, 1, b'', wire(raw(0x03, 1, struct.pack('<Bi', 0, 1000), length=6)), 'LENGTH')
bad('bad_length_over_64', 0x0B, 1, b'', wire(raw(0x0B, 1, bytes(10), length=65)), 'LENGTH')
bad('unknown_type', 0x3F, 1, b'', wire(raw(0x3F, 1, b'')), 'TYPE')
bad('bad_payload_size', 0x09, 1, b'', wire(raw(0x09, 1, bytes(7))), 'PAYLOAD')
bad('short_frame', 0, 0, b'', wire(b'\x01\x02\x03'), 'SHORT')
bad('bad_cobs_code', 0, 0, b'', bytes([0x09, 0x01, 0x02, 0x03, 0x00]), 'COBS')
bad('oversize', 0, 0, b'', bytes([0xFF] * 80) + b'\x00', 'OVERSIZE')

print('name,type,seq,payload_hex,wire_hex,result')
for r in rows:
    print('%s,%d,%d,%s,%s,%s' % r)
