#!/usr/bin/env python3
# make-seeds.py — regenerates the seed corpora of tests/fuzz/corpus/ and the key list of
# isapi.dict from the protocol guide's examples (run by hand when the guide changes).
#
# Copyright 2026 The Vigil developers
# SPDX-License-Identifier: GPL-3.0-or-later
import hashlib
import json
import os
import re
import sys

guide = sys.argv[1]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus')
text = open(guide, encoding='utf-8', errors='replace').read()


def blocks(text):
    """Every JSON example of the guide: a '{' at the start of a line up to its matching '}'."""
    for m in re.finditer(r'^\{', text, re.M):
        depth, i = 0, m.start()
        while i < len(text):
            c = text[i]
            if c == '{':
                depth += 1
            elif c == '}':
                depth -= 1
                if depth == 0:
                    yield text[m.start():i + 1]
                    break
            i += 1


def save(target, data):
    os.makedirs(os.path.join(out, target), exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(out, target, name), 'wb') as f:
        f.write(data)


examples = list(blocks(text))
keys = set()
for ex in examples:
    keys.update(re.findall(r'"([A-Za-z][A-Za-z0-9_]*)"\s*:', ex))
    raw = ex.encode()
    save('json', raw)
    save('error', b'\x01\x90' + raw)
    if 'EventNotificationAlert' in ex:
        save('event', b'\x00' + raw)
        save('event', b'\x01' + raw)
        part = (b'--boundary\r\nContent-Type: application/json; charset="UTF-8"\r\n'
                b'Content-Length: %d\r\n\r\n' % len(raw)) + raw + b'\r\n'
        save('multipart', b'\x07' + part + part)
        save('multipart', b'\x3f' + part + b'--boundary--\r\n')
    # Every message class sees every example once across the corpus (index by first byte).
    save('messages', bytes([len(examples) % 25]) + raw)
    for first in range(25):
        if ex.count('\n') < 40 and (hashlib.sha1(raw).digest()[0] + first) % 5 == 0:
            save('messages', bytes([first]) + raw)

# The gateway's broken habits (§A notes): trailing commas, bad UTF-8, bare control characters.
save('json', b'{"a": 1,}')
save('json', b'{"eventType": "heartBeat\xff\xfe", "x": "\x01"}')
save('event', b'\x00{"EventNotificationAlert":{"eventType":"heartBeat","dateTime":"2018-01-21 12:50:39"}}')
save('multipart', b'\x01--boundary\r\nContent-Length: 5\r\n\r\nhello\r\n--boundary\r\n\r\n')

for tz in ['CET-1CEST,M3.5.0,M10.5.0/3', 'CST-8', 'CST-8:00:00DST00:30:00,M4.1.0/02:00:00,M10.5.0/02:00:00',
           'CST-8DST,J1,J365', 'EST5EDT,M3.2.0,M11.1.0', '<+0330>-3:30', 'UTC0', 'CST-8DST,0,365/25']:
    save('posix-tz', tz.encode())

for cid in ['1130', '3130', '1103', '3401', '1602', 'E130', '130', '01130', 'x', '1999', '3000']:
    save('cid', cid.encode())
for et in ['heartBeat', 'videoReview', 'devStatusChanged', 'alarmResult', 'cidEvent']:
    save('cid', et.encode())

with open(os.path.join(os.path.dirname(out), 'isapi.dict'), 'w') as f:
    f.write('# ISAPI Device Gateway JSON keys and multipart tokens (make-seeds.py)\n')
    for tok in ['--boundary', '--boundary--', 'Content-Type: ', 'Content-Length: ',
                'application/json', 'multipart/mixed; boundary=', '\\x0d\\x0a\\x0d\\x0a', 'true', 'false',
                'null', 'M3.5.0', ',J', '/02:00:00', 'DST']:
        f.write('"%s"\n' % tok.replace('"', '\\"'))
    for k in sorted(keys):
        f.write('"\\"%s\\":"\n' % k)
