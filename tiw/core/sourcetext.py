"""Read an editor's text file (page, data, catalogue entry) the one way every check reads it:
UTF-8, a byte-order mark accepted and dropped, CRLF line ends accepted; a byte that is not UTF-8
is reported with its line and column instead of Python's UnicodeDecodeError."""

from __future__ import annotations

from pathlib import Path


class EncodingProblem(Exception):
    """A file is not UTF-8. The message names the file, line and column, and says what to do."""


def read_source(path: Path, shown_as: str | None = None) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # utf-8-sig counts positions after the byte-order mark.
        start = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        before = raw[:start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        raise EncodingProblem(
            f"{shown_as or path}, line {line}, column {column}: the byte 0x{raw[start]:02x} is not UTF-8 "
            "(the file was probably saved as Windows-1252 or Latin-1). Save the file as UTF-8 in your "
            "editor and check the letters near that place (ŵ, ŷ, accents, curly quotes, dashes)."
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
