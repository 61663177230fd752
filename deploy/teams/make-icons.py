#!/usr/bin/env python3
"""Writes the Teams app icons: color.png (192x192, full colour) and outline.png (32x32, white on transparent).

Teams requires exactly these sizes; the outline icon must be white and transparent only
(https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons).
Standard library only (zlib + struct), so `python3 make-icons.py` regenerates them anywhere.
"""
import struct
import zlib
from pathlib import Path

ACCENT = (0x1F, 0x5A, 0xA6, 0xFF)  # same as the manifest's accentColor
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
CLEAR = (0, 0, 0, 0)


def png(width, height, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, width)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def glyph(x, y, size):
    """A rising-arrow glyph: a diagonal bar and an arrow head, scaled to the icon size."""
    u, v = x / size, 1 - y / size
    on_bar = abs(u - v) < 0.09 and 0.2 < u < 0.78
    on_head = 0.58 < u < 0.8 and 0.58 < v < 0.8 and (u > 0.72 or v > 0.72)
    return on_bar or on_head


def color(x, y, size):
    return WHITE if glyph(x, y, size) else ACCENT


def outline(x, y, size):
    return WHITE if glyph(x, y, size) else CLEAR


here = Path(__file__).resolve().parent
(here / "color.png").write_bytes(png(192, 192, color))
(here / "outline.png").write_bytes(png(32, 32, outline))
