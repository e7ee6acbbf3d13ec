"""Office packages (.docx, .xlsx): zips whose bytes depend on their content only."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

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
