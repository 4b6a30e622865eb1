"""Opening inputs: gzip, binary detection, strict UTF-8 with a clear error."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import IO

from hadath.errors import IngestError

SNIFF_BYTES = 8192


def base_suffix(path: Path) -> str:
    """The format suffix, looking through a trailing .gz: a.jsonl.gz → .jsonl."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def stem(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        if suffix.lower() in (".gz", base_suffix(path)):
            name = name[: -len(suffix)]
        else:
            break
    return name or path.name


def open_binary(path: Path) -> IO[bytes]:
    """The decompressed bytes of ``path``; IngestError if it cannot be read."""
    try:
        handle: IO[bytes] = path.open("rb")
    except FileNotFoundError:
        raise IngestError(str(path), "no such file") from None
    except IsADirectoryError:
        raise IngestError(str(path), "is a directory") from None
    except PermissionError:
        raise IngestError(str(path), "permission denied") from None
    if path.suffix.lower() == ".gz":
        return gzip.GzipFile(fileobj=handle)  # type: ignore[return-value]
    return handle


def check_text_head(path: Path, head: bytes) -> None:
    """Reject empty and binary inputs before parsing."""
    if not head:
        raise IngestError(str(path), "empty file")
    if b"\x00" in head:
        raise IngestError(str(path), "binary file (contains NUL bytes), not text")


def read_text(path: Path) -> str:
    """Whole file as strict UTF-8 (BOM dropped)."""
    try:
        with open_binary(path) as handle:
            data = handle.read()
    except (OSError, EOFError) as error:
        raise IngestError(str(path), f"cannot read: {error}") from None
    check_text_head(path, data[:SNIFF_BYTES])
    return decode(path, data)


def decode(path: Path, data: bytes, line: int | None = None) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IngestError(str(path), f"invalid UTF-8 at byte {error.start}", line) from None


def text_lines(path: Path) -> io.BufferedReader:
    """A buffered binary reader for line-by-line streaming (decode each line yourself)."""
    handle = open_binary(path)
    head = handle.read(SNIFF_BYTES)
    check_text_head(path, head)
    return io.BufferedReader(_Prefixed(head, handle))  # type: ignore[arg-type]


class _Prefixed(io.RawIOBase):
    """A stream that first replays the sniffed head, then the rest of the file."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        self._rest.close()
        super().close()
