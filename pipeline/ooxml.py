"""Office packages (.docx, .xlsx): zips whose bytes depend on their content only."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

LEVEL = 1  # deflate quickly: a province's documents are made in seconds, a little larger
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the first date a zip can hold; time 00:00
_UNIX = 3  # "made by" a Unix system, so that the permissions below read the same everywhere
_MODE = 0o644 << 16


@dataclass(frozen=True)
class Deflated:
    """A part compressed once, to be put in many packages (a template's unchanging parts)."""

    data: bytes
    crc: int
    size: int

    @classmethod
    def of(cls, raw: bytes) -> Deflated:
        return cls(_deflate((raw,))[0], zlib.crc32(raw), len(raw))


def package(parts: Iterable[tuple[str, bytes | Deflated | Iterable[bytes]]]) -> bytes:
    """Zip parts in the given order with fixed dates and permissions (the bytes depend on the
    content only); a part may come as chunks, compressed as they arrive, or compressed already.

    The zip format (PKWARE APPNOTE 6.3: local headers, central directory, end record) is
    written here rather than by zipfile, which cannot take a part compressed already."""
    out, directory = bytearray(), bytearray()
    count = 0
    for name, data in parts:
        if not isinstance(data, Deflated):
            compressed, crc, size = _deflate((data,) if isinstance(data, bytes) else data)
            data = Deflated(compressed, crc, size)
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else 0x800
        common = struct.pack("<2H3H3L2H", 20, flags, zipfile.ZIP_DEFLATED, 0, _DOS_DATE,
                             data.crc, len(data.data), data.size, len(encoded), 0)
        directory += (struct.pack("<4s2B", b"PK\x01\x02", 20, _UNIX) + common
                      + struct.pack("<3H2L", 0, 0, 0, _MODE, len(out)) + encoded)
        out += struct.pack("<4s", b"PK\x03\x04") + common + encoded
        out += data.data
        count += 1
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(out), 0)
    return bytes(out + directory + end)


def _deflate(chunks: Iterable[bytes]) -> tuple[bytes, int, int]:
    """Raw deflate as zip holds it, with the CRC and size of what went in."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    pieces, crc, size = [], 0, 0
    for chunk in chunks:
        pieces.append(compressor.compress(chunk))
        crc, size = zlib.crc32(chunk, crc), size + len(chunk)
    pieces.append(compressor.flush())
    return b"".join(pieces), crc, size


def stable_zip(data: bytes) -> bytes:
    """Rewrite a package another library saved, so equal content gives equal bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return package((entry.filename, source.read(entry)) for entry in source.infolist())


def core_properties(title: str, day: date) -> bytes:
    """docProps/core.xml: title and dates derived from the round, never from the clock."""
    stamp = f"{day:%Y-%m-%d}T00:00:00Z"
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>khenthuong</dc:creator>"
            "<cp:lastModifiedBy>khenthuong</cp:lastModifiedBy><cp:revision>1</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            "</cp:coreProperties>").encode()
