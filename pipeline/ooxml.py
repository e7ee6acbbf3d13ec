"""Office packages (.docx, .xlsx): zips whose bytes depend on their content only."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import date
from xml.sax.saxutils import escape

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def package(parts: Iterable[tuple[str, bytes | Iterable[bytes]]]) -> bytes:
    """Zip parts in the given order with fixed dates and permissions; a part may come as
    chunks, compressed as they arrive."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with target.open(info, "w") as stream:
                for chunk in (data,) if isinstance(data, bytes) else data:
                    stream.write(chunk)
    return out.getvalue()


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
            "</cp:coreProperties>").encode("utf-8")
