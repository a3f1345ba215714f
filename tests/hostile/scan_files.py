"""Hostile scans, built in code, small on disk: a PNG that declares far more pixels than any page
(a decompression bomb: its pixels, all zero, compress a thousandfold) and a TIFF of ten thousand
one-pixel pages."""

from __future__ import annotations

import struct
import zlib

BOMB_SIDE = 12_000  # 144 million pixels: under Pillow's own refusal, far over Front Door's cap
TIFF_PAGES = 10_000


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_bomb(side: int = BOMB_SIDE) -> bytes:
    """A complete, valid greyscale PNG of ``side`` × ``side`` black pixels (about 140 KB)."""
    row = b"\x00" * (side + 1)  # filter byte, then the row
    squeeze = zlib.compressobj(9)
    data = b"".join(squeeze.compress(row) for _ in range(side)) + squeeze.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


def many_page_tiff(pages: int = TIFF_PAGES) -> bytes:
    """A little-endian TIFF of ``pages`` one-pixel pages sharing one pixel, each page only its
    size and where its pixel is (everything else at TIFF's defaults): 42 bytes a page, so the
    whole file stays under half a megabyte."""
    tags = [(256, 1), (257, 1), (273, 8)]  # width, height, the strip: the byte after the header
    ifd_size = 2 + 12 * len(tags) + 4
    first = 16
    out = bytearray(b"II*\x00" + struct.pack("<I", first) + b"\x80" + b"\x00" * 7)
    for page in range(pages):
        following = first + (page + 1) * ifd_size if page + 1 < pages else 0
        out += struct.pack("<H", len(tags))
        for tag, value in tags:
            out += struct.pack("<HHII", tag, 4, 1, value)  # LONG, one value
        out += struct.pack("<I", following)
    return bytes(out)
