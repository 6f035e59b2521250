#!/usr/bin/env python3
# make-alert-sound.py — writes the console's alert sound (ui/sounds/alarm.wav)
#
# Copyright 2026 The Vigil developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The sound loops while an alarm waits for a person, so it is short (1.2 s), starts and ends
# on silence (the loop never clicks), and has a pause in it: two falling tones, loud enough to
# be heard across a control room, then quiet. 16-bit mono PCM at 16 kHz: 38 KB in the GResource.
# Usage: build-aux/make-alert-sound.py [OUTPUT]

import math
import struct
import sys
import wave

RATE = 16000
AMPLITUDE = 0.6 * 32767

# (frequency in Hz, start in s, length in s)
TONES = [(988.0, 0.00, 0.22), (784.0, 0.28, 0.30)]
LENGTH = 1.2
FADE = 0.012  # s of fade in and out: no click at the edges of a tone


def sample(t):
    value = 0.0
    for freq, start, length in TONES:
        local = t - start
        if 0.0 <= local < length:
            envelope = min(1.0, local / FADE, (length - local) / FADE)
            # A touch of the octave makes the tone cut through room noise.
            value += envelope * (0.8 * math.sin(2 * math.pi * freq * local)
                                 + 0.2 * math.sin(4 * math.pi * freq * local))
    return value


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "ui/sounds/alarm.wav"
    frames = bytearray()
    for i in range(int(LENGTH * RATE)):
        frames += struct.pack("<h", int(round(AMPLITUDE * sample(i / RATE))))
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(bytes(frames))


if __name__ == "__main__":
    main()
