"""Reading and writing article files for the command line, with one-line errors.

Every failure a user can cause or fix (a missing file, undecodable bytes, a
read-only folder, a full disk) becomes a :class:`UserError` whose message
names the file and what to do; the command line prints it on one line.
In-place writes are atomic: a temporary file in the same folder, then
:func:`os.replace`, so a failed write leaves the original exactly as it was.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
STDIN = "-"


class UserError(Exception):
    """A problem the user can fix; its message is shown on one line, without a traceback."""


def check_encoding(encoding: str) -> str:
    """The codec's canonical name, or a :class:`UserError` for an unknown one."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise UserError(
            f"unknown encoding {encoding!r}; use a Python codec name such as utf-8 or latin-1"
        ) from None


def style_for(path: str, requested: str) -> str:
    """The layout to write: ``requested``, or for ``auto`` the file's own kind."""
    if requested != "auto":
        return requested
    return "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def collect(paths: Sequence[str]) -> Iterator[str]:
    """The files named, with folders expanded to their text and Markdown files, sorted."""
    for name in paths:
        if name == STDIN:
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in TEXT_SUFFIXES and p.is_file() and not _hidden(p, path)
            )
            if not found:
                raise UserError(
                    f"{name}: a folder with no {', '.join(TEXT_SUFFIXES)} files in it; "
                    "name the files to work on"
                )
            yield from (str(p) for p in found)
        else:
            yield name


def read_bytes(path: str) -> bytes:
    """The bytes of ``path`` (standard input for ``-``)."""
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder; name a text file") from None
    except PermissionError:
        raise UserError(
            f"{path}: cannot read it (permission denied); check its permissions"
        ) from None
    except OSError as err:
        raise UserError(f"{path}: cannot read it ({err.strerror})") from None


def decode(path: str, data: bytes, encoding: str) -> str:
    """``data`` decoded strictly; undecodable bytes are a :class:`UserError`."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise UserError(
            f"{path}: byte {err.start} is not valid {encoding}; pass --encoding with the "
            "file's encoding (e.g. --encoding latin-1); the file was left as it was"
        ) from None


def read_text(path: str, encoding: str) -> str:
    """The text of ``path`` (or standard input), decoded with ``encoding``."""
    return decode(path, read_bytes(path), encoding)


def _write_error(path: str, err: OSError) -> UserError:
    if isinstance(err, PermissionError):
        what = "permission denied; check the file's and folder's permissions"
    elif err.errno in (errno.ENOSPC, errno.EDQUOT):
        what = "the disk is full; free some space and run again"
    else:
        what = err.strerror or str(err)
    return UserError(f"{path}: cannot write it ({what}); the file was left as it was")


def write_atomic(path: str, text: str, encoding: str) -> None:
    """Replace the file at ``path`` by ``text`` atomically, keeping its mode."""
    target = Path(path)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as err:
        raise UserError(
            f"{path}: the repaired text has {err.object[err.start]!r}, which {encoding} cannot "
            "hold; pass --encoding utf-8; the file was left as it was"
        ) from None
    try:
        mode = target.stat().st_mode & 0o7777
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise _write_error(path, err) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as err:
        _discard(temp)
        raise _write_error(path, err) from None
    except BaseException:
        _discard(temp)
        raise


def _discard(temp: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp)
