"""An authored kata as an archive of its folder, and an uploaded archive read back.

The export is a .tar.gz holding `<id>/kata.toml`, `<id>/statement.md`, ... : unpacked inside
katas/ it is katas/<id>/, which `graders.load_kata` reads and `katabank katas check` checks.
The import takes that archive (or a .zip of the same layout) and trusts nothing in it: the
upload's size, the number of entries, each path (one top folder, no absolute paths, no '..',
only the kata's file names), the entry types (regular files and folders only: no links or
devices) and the text (UTF-8) are all limited before anything is kept. Nothing is written to
disk: the files come back as a dict.
"""

from __future__ import annotations

import gzip
import io
import re
import tarfile
import zipfile
import zlib
from collections.abc import Iterator

from server.authoring.files import MAX_TOTAL_BYTES, AuthoringError

__all__ = ["MAX_ARCHIVE_BYTES", "MAX_ENTRIES", "export_archive", "read_archive"]

# The upload, with its multipart headers, stays under the request body cap (256 KiB); a kata
# of MAX_TOTAL_BYTES is far smaller than this packed, even when its text does not compress.
MAX_ARCHIVE_BYTES = 200_000
MAX_ENTRIES = 60
# The unpacked .tar a kata can make: its files, and per entry a header, a pax or GNU long-name
# header with its data, and padding (a block each at most), then the end-of-archive record.
MAX_TAR_BYTES = MAX_TOTAL_BYTES + MAX_ENTRIES * 5 * tarfile.BLOCKSIZE + tarfile.RECORDSIZE
_PATH = re.compile(r"[a-z0-9][a-z0-9_]*\.(py|md|toml)|(wrong|right)/[a-z0-9][a-z0-9_]*\.py")


def export_archive(kata_id: str, files: dict[str, str]) -> bytes:
    """The kata folder as a .tar.gz with one top folder, `<kata_id>/`."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", format=tarfile.PAX_FORMAT) as archive:
        for path, text in sorted(files.items()):
            data = text.encode("utf-8")
            info = tarfile.TarInfo(f"{kata_id}/{path}")
            info.size = len(data)
            info.mode = 0o644
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def read_archive(data: bytes) -> dict[str, str]:
    """The files of an uploaded kata archive (path inside the kata folder -> text)."""
    if len(data) > MAX_ARCHIVE_BYTES:
        raise AuthoringError("archive", f"larger than {MAX_ARCHIVE_BYTES:,} bytes.")
    if data[:2] == b"\x1f\x8b":
        entries = _tar_entries(data)
    elif data[:4] == b"PK\x03\x04":
        entries = _zip_entries(data)
    else:
        raise AuthoringError("archive", "not a .tar.gz or .zip file.")
    files: dict[str, str] = {}
    tops: set[str] = set()
    total = 0
    for count, (name, content) in enumerate(entries, start=1):
        if count > MAX_ENTRIES:
            raise AuthoringError("archive", f"more than {MAX_ENTRIES} entries.")
        top, _, path = name.partition("/")
        tops.add(top)
        if len(tops) > 1:
            raise AuthoringError(
                "archive", "holds more than one top folder (one kata per archive)."
            )
        if content is None or not path:  # a folder
            continue
        if not _PATH.fullmatch(path):
            raise AuthoringError(name, "not a file a kata folder may hold.")
        total += len(content)
        if total > MAX_TOTAL_BYTES:
            raise AuthoringError(
                "archive", f"its files add up to more than {MAX_TOTAL_BYTES:,} bytes."
            )
        try:
            files[path] = content.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise AuthoringError(name, "not UTF-8 text.") from exc
    if not files:
        raise AuthoringError("archive", "holds no kata folder.")
    return files


def _safe_name(name: str) -> str:
    clean = name.removeprefix("./").rstrip("/")
    parts = clean.split("/")
    if (
        not clean
        or clean.startswith("/")
        or "\\" in clean
        or any(p in ("", ".", "..") for p in parts)
    ):
        raise AuthoringError("archive", f"unsafe path {name[:100]!r}.")
    if len(parts) > 3:
        raise AuthoringError("archive", f"path too deep: {name[:100]!r}.")
    return clean


def _unpacked_tar(data: bytes) -> bytes:
    """The .tar inside the gzip, decompressed no further than MAX_TAR_BYTES. tarfile reads a
    pax or GNU long-name header's data whole, before any member is ours to check, so a header
    declaring gigabytes of zeros (a few kilobytes gzipped) must find no more than this."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
            tar = unzipped.read(MAX_TAR_BYTES + 1)
    except (EOFError, OSError, zlib.error) as exc:
        raise AuthoringError("archive", f"not a readable .tar.gz ({exc}).") from exc
    if len(tar) > MAX_TAR_BYTES:
        raise AuthoringError(
            "archive", f"unpacks to more than {MAX_TAR_BYTES:,} bytes; a kata's is far smaller."
        )
    return tar


def _tar_entries(data: bytes) -> Iterator[tuple[str, bytes | None]]:
    tar = _unpacked_tar(data)
    try:
        with tarfile.open(fileobj=io.BytesIO(tar), mode="r:") as archive:
            for count, member in enumerate(archive, start=1):
                if count > MAX_ENTRIES:
                    raise AuthoringError("archive", f"more than {MAX_ENTRIES} entries.")
                name = _safe_name(member.name)
                if member.isdir():
                    yield name, None
                    continue
                if not member.isreg():
                    raise AuthoringError(name, "links and special files are not allowed.")
                if member.size > MAX_TOTAL_BYTES:
                    raise AuthoringError(name, f"larger than {MAX_TOTAL_BYTES:,} bytes.")
                handle = archive.extractfile(member)
                yield name, handle.read() if handle else b""
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise AuthoringError("archive", f"not a readable .tar.gz ({exc}).") from exc


def _zip_entries(data: bytes) -> Iterator[tuple[str, bytes | None]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise AuthoringError("archive", f"more than {MAX_ENTRIES} entries.")
            for info in infos:
                name = _safe_name(info.filename)
                if info.is_dir():
                    yield name, None
                    continue
                # A symlink in a zip is a file whose Unix mode (high 16 bits) says so.
                if (info.external_attr >> 16) & 0o170000 not in (0, 0o100000):
                    raise AuthoringError(name, "links and special files are not allowed.")
                if info.file_size > MAX_TOTAL_BYTES:
                    raise AuthoringError(name, f"larger than {MAX_TOTAL_BYTES:,} bytes.")
                with archive.open(info) as handle:
                    content = handle.read(MAX_TOTAL_BYTES + 1)
                if len(content) > MAX_TOTAL_BYTES:
                    raise AuthoringError(name, f"larger than {MAX_TOTAL_BYTES:,} bytes.")
                yield name, content
    # An encrypted entry raises RuntimeError; a broken deflate stream, zlib.error.
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, zlib.error) as exc:
        raise AuthoringError("archive", f"not a readable .zip ({exc}).") from exc
