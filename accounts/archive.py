"""The "Download my data" archive: a ZIP written while it is sent.

The archive holds one JSON document per area (``profile.json``, ``exchanges.json``,
``passport.json``, ``mentoring.json``, …) and the person's own files under ``files/``.
It is streamed: a person's evidence videos never have to fit in memory at once.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from .personal_data import Collected

_CHUNK = 64 * 1024


class _Pipe:
    """A file-like object that hands on what the ZIP writer wrote so far.

    It has no ``tell``, so ``zipfile`` writes for a stream that cannot seek.
    """

    def __init__(self):
        self._chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        if data:
            self._chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def drain(self) -> Iterator[bytes]:
        chunks, self._chunks = self._chunks, []
        yield from chunks


def zip_stream(collected: Collected) -> Iterator[bytes]:
    pipe = _Pipe()
    # typeshed asks a file to write a ZIP to for close(), which zipfile never calls on a
    # file it was given.
    with zipfile.ZipFile(pipe, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:  # type: ignore[call-overload]
        for area, document in collected.documents.items():
            text = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
            archive.writestr(f"{area}.json", text.encode())
            yield from pipe.drain()
        for path, stored in collected.files:
            # Files are mostly compressed already (PDF, JPEG, MP4): store them as they are.
            entry = zipfile.ZipInfo(path, date_time=timezone.localtime().timetuple()[:6])
            entry.compress_type = zipfile.ZIP_STORED
            with (
                stored.open("rb") as source,
                archive.open(entry, mode="w", force_zip64=True) as target,
            ):
                while chunk := source.read(_CHUNK):
                    target.write(chunk)
                    yield from pipe.drain()
            yield from pipe.drain()
    yield from pipe.drain()
