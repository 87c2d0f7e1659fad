#!/usr/bin/env python3
"""PNG files for the image loader's tests: every colour type and bit depth,
plain and interlaced, at odd sizes, with their expected RGBA pixels; and the
malformed ones an academy's folder could hold (a bad CRC in a critical or an
ancillary chunk, a file cut short, a header claiming a huge size, a
decompression bomb, data past the image, chunks in the wrong order).

  pngcases.py valid DIR      writes DIR/<case>.png and DIR/<case>.expect
                             (lines "x y r g b a" for a few pixels)
  pngcases.py malformed DIR  writes DIR/<case>.png
"""
import os
import struct
import sys
import zlib

ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2)]
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def chunk(kind, data, crc=None):
    c = zlib.crc32(kind + data) & 0xFFFFFFFF if crc is None else crc
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", c)


def sample(x, y, c, depth):
    """The value of channel c at (x, y), at a bit depth (16: the 8-bit value twice)."""
    if depth == 16:
        return ((x * 7 + y * 13 + c * 50) % 256) * 257
    return (x * 7 + y * 13 + c * 50) % (1 << depth)


def pack_row(values, depth):
    if depth >= 8:
        fmt = ">B" if depth == 8 else ">H"
        return b"".join(struct.pack(fmt, v) for v in values)
    out, acc, bits = bytearray(), 0, 0
    for v in values:
        acc = (acc << depth) | v
        bits += depth
        if bits == 8:
            out.append(acc)
            acc, bits = 0, 0
    if bits:
        out.append(acc << (8 - bits))
    return bytes(out)


def pixel_values(x, y, colour, depth, palette_n):
    if colour == 3:
        return [(x + y) % palette_n]
    return [sample(x, y, c, depth) for c in range(CHANNELS[colour])]


def raw_data(w, h, colour, depth, interlaced, palette_n):
    passes = ADAM7 if interlaced else [(0, 0, 1, 1)]
    out = bytearray()
    for x0, y0, dx, dy in passes:
        xs, ys = list(range(x0, w, dx)), list(range(y0, h, dy))
        if not xs or not ys:
            continue
        for y in ys:
            vals = [v for x in xs for v in pixel_values(x, y, colour, depth, palette_n)]
            out += b"\x00" + pack_row(vals, depth)
    return bytes(out)


def expected_rgba(x, y, colour, depth, palette):
    def to8(v, d):
        return v >> 8 if d == 16 else v * 255 // ((1 << d) - 1)
    if colour == 3:
        r, g, b = palette[(x + y) % len(palette)]
        return (r, g, b, 255)
    vals = [to8(v, depth) for v in pixel_values(x, y, colour, depth, 0)]
    if colour == 0:
        return (vals[0], vals[0], vals[0], 255)
    if colour == 4:
        return (vals[0], vals[0], vals[0], vals[1])
    if colour == 2:
        return (vals[0], vals[1], vals[2], 255)
    return tuple(vals)


def png(w, h, colour, depth, interlaced=False, palette=None, idat=None, extra=b""):
    ihdr = struct.pack(">IIBBBBB", w, h, depth, colour, 0, 0, 1 if interlaced else 0)
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra
    if colour == 3:
        out += chunk(b"PLTE", b"".join(bytes(p) for p in palette))
    if idat is None:
        idat = zlib.compress(raw_data(w, h, colour, depth, interlaced, len(palette or [])))
    return out + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def palette_of(n):
    return [((i * 40) % 256, (i * 90 + 30) % 256, (255 - i * 20) % 256) for i in range(n)]


def valid(folder):
    cases = []
    for colour, depths in ((0, (1, 2, 4, 8, 16)), (2, (8, 16)), (3, (1, 2, 4, 8)), (4, (8, 16)),
                           (6, (8, 16))):
        for depth in depths:
            for interlaced in (False, True):
                cases.append((colour, depth, interlaced))
    for colour, depth, interlaced in cases:
        w, h = 13, 7
        pal = palette_of(min(1 << depth, 16)) if colour == 3 else None
        name = "c%d-d%d%s" % (colour, depth, "-i" if interlaced else "")
        with open(os.path.join(folder, name + ".png"), "wb") as f:
            f.write(png(w, h, colour, depth, interlaced, pal))
        with open(os.path.join(folder, name + ".expect"), "w") as f:
            for x, y in ((0, 0), (1, 0), (12, 0), (5, 3), (12, 6), (3, 6)):
                f.write("%d %d %d %d %d %d\n" % ((x, y) + expected_rgba(x, y, colour, depth, pal)))


def malformed(folder):
    w = h = 64
    raw = raw_data(w, h, 6, 8, False, 0)
    good = png(w, h, 6, 8, idat=zlib.compress(raw))

    def bomb(mib):
        c = zlib.compressobj(9)
        parts, zero = [c.compress(raw)], bytes(1 << 20)
        for _ in range(mib):
            parts.append(c.compress(zero))
        return png(w, h, 6, 8, idat=b"".join(parts) + c.flush())

    text = b"Comment\x00hello"
    cases = {
        "crc-critical": good[:-16] + b"\xde\xad\xbe\xef" + good[-12:],
        "crc-ancillary": png(w, h, 6, 8, idat=zlib.compress(raw),
                             extra=chunk(b"tEXt", text, crc=0)),
        "cut-short": good[:len(good) // 2],
        "cut-in-header": good[:20],
        "huge-claim": png(16384, 16384, 6, 8, idat=zlib.compress(raw)),
        "zero-size": png(0, 5, 6, 8, idat=zlib.compress(raw)),
        "bomb-1536mib": bomb(1536),
        "data-past-image": png(w, h, 6, 8, idat=zlib.compress(raw + bytes(100000))),
        "too-little-data": png(w, h, 6, 8, idat=zlib.compress(raw[:len(raw) // 3])),
        "not-zlib": png(w, h, 6, 8, idat=b"\x00\x01\x02\x03" * 64),
        "huge-text-chunk": png(w, h, 6, 8, idat=zlib.compress(raw),
                               extra=chunk(b"zTXt", b"k\x00\x00" + zlib.compress(bytes(64 << 20)))),
        "bad-depth": png(w, h, 6, 3, idat=zlib.compress(raw)),
        "no-idat": good[:33] + chunk(b"IEND", b""),
        "length-past-end": good[:33] + struct.pack(">I", 0x7FFFFFF0) + b"IDAT" + good[41:],
    }
    for name, data in cases.items():
        with open(os.path.join(folder, name + ".png"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    os.makedirs(sys.argv[2], exist_ok=True)
    {"valid": valid, "malformed": malformed}[sys.argv[1]](sys.argv[2])
