"""Authored kata files and archives, without a server: the editor's fields become exactly the
kata folder graders load, read back unchanged, and an uploaded archive is trusted for nothing
(size, entry count, paths, links)."""

from __future__ import annotations

import io
import tarfile
import tracemalloc
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from graders import load_kata
from server.authoring.archive import (
    MAX_ARCHIVE_BYTES,
    MAX_ENTRIES,
    MAX_TAR_BYTES,
    export_archive,
    read_archive,
)
from server.authoring.files import (
    MAX_CODE,
    AuthoringError,
    Solution,
    check_draft,
    from_files,
    to_files,
)
from tests.server.authoring_kata import add_draft


def test_the_files_are_a_kata_folder_graders_load(tmp_path: Path) -> None:
    files = to_files(check_draft(add_draft()))
    assert sorted(files) == [
        "kata.toml",
        "reference.py",
        "right/swapped.py",
        "starter.py",
        "statement.md",
        "tests_hidden.py",
        "tests_sample.py",
        "wrong/subtracts.py",
    ]
    assert files["wrong/subtracts.py"].startswith("# expect: failed\n")
    for path, text in files.items():
        (tmp_path / "add_two" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "add_two" / path).write_text(text)
    kata = load_kata(tmp_path, "add_two")
    assert (kata.title, kata.function, kata.topics, kata.expected_minutes) == (
        "Add two numbers",
        "add",
        ("basics",),
        5,
    )
    assert (kata.max_examples, kata.limits.wall_seconds) == (20, 5.0)


titles = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1).filter(
    lambda s: s.strip() and len(s.strip()) <= 200
)


@example(title="\U00010000", topics=[])  # JSON writes it as a UTF-16 pair, TOML refuses
@example(title="a\x7fb\x00", topics=[])
@given(title=titles, topics=st.lists(st.from_regex(r"[a-z][a-z ]{0,20}", fullmatch=True)))
def test_files_read_back_as_the_same_draft(title: str, topics: list[str]) -> None:
    clean = check_draft(add_draft(title=title, topics=tuple(topics[:10])))
    assert from_files(to_files(clean)) == clean


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kata_id": "Bad Id"}, "kata_id"),
        ({"kata_id": "new"}, "kata_id"),
        ({"title": "  "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"difficulty": "brutal"}, "difficulty"),
        ({"function": "not valid"}, "function"),
        ({"expected_minutes": 0}, "expected_minutes"),
        ({"reference": ""}, "reference"),
        ({"tests_hidden": "x" * (MAX_CODE + 1)}, "tests_hidden"),
        ({"limits": (("wall_seconds", 600.0),)}, "limits.wall_seconds"),
        ({"limits": (("memory_mb", 64),)}, "limits.memory_mb"),
        ({"wrong": ()}, "wrong"),
        ({"wrong": (Solution("a", "x = 1\n", "passed"),)}, "wrong solution 1"),
        ({"wrong": (Solution("../evil", "x = 1\n", "failed"),)}, "wrong solution 1"),
        ({"topics": tuple(f"t{i}" for i in range(11))}, "topics"),
    ],
)
def test_each_field_has_its_rule_and_limit(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(AuthoringError) as refused:
        check_draft(add_draft(**changes))
    assert refused.value.field == field


def test_a_pasted_expect_line_is_not_kept_twice() -> None:
    pasted = Solution("subtracts", "# expect: error\ndef add(a, b):\n    return a - b\n", "failed")
    files = to_files(check_draft(add_draft(wrong=(pasted,))))
    assert files["wrong/subtracts.py"] == "# expect: failed\ndef add(a, b):\n    return a - b\n"


def test_export_then_import_gives_the_same_files() -> None:
    files = to_files(check_draft(add_draft()))
    assert read_archive(export_archive("add_two", files)) == files
    with tarfile.open(fileobj=io.BytesIO(export_archive("add_two", files))) as archive:
        assert {m.name for m in archive} == {f"add_two/{path}" for path in files}


def _tar(*members: tuple[tarfile.TarInfo, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for info, data in members:
            info.size = len(data) if info.isreg() else 0
            archive.addfile(info, io.BytesIO(data) if info.isreg() else None)
    return buffer.getvalue()


def _file(name: str, data: bytes = b"x = 1\n") -> tuple[tarfile.TarInfo, bytes]:
    return tarfile.TarInfo(name), data


def _link(name: str, target: str, kind: bytes = tarfile.SYMTYPE) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, target
    return info, b""


@pytest.mark.parametrize(
    "archive",
    [
        _tar(_file("../add_two/reference.py")),
        _tar(_file("add_two/../../etc/passwd")),
        _tar(_file("/add_two/reference.py")),
        _tar(_link("add_two/reference.py", "/etc/passwd")),
        _tar(_link("add_two/reference.py", "/etc/passwd", tarfile.LNKTYPE)),
        _tar(_file("add_two/reference.py"), _file("other/reference.py")),
        _tar(_file("add_two/secrets/.env")),
        _tar(_file("add_two/reference.py", b"\xff\xfe")),
        _tar(*(_file(f"add_two/wrong/w{i}.py") for i in range(MAX_ENTRIES + 1))),
        b"not an archive",
        b"\x1f\x8b" + b"truncated gzip",
        b"x" * 3_000_000,
    ],
)
def test_an_unsafe_archive_is_refused_by_name(archive: bytes) -> None:
    with pytest.raises(AuthoringError):
        read_archive(archive)


def test_a_zip_symlink_and_traversal_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("add_two/reference.py")
        link.external_attr = (0o120777) << 16
        archive.writestr(link, "/etc/passwd")
    with pytest.raises(AuthoringError, match="links"):
        read_archive(buffer.getvalue())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("add_two/../x.py", "x = 1\n")
    with pytest.raises(AuthoringError, match="unsafe path"):
        read_archive(buffer.getvalue())


def _zip_of(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("add_two/reference.py", text)
    return buffer.getvalue()


def test_an_encrypted_or_corrupt_zip_is_refused_as_unreadable() -> None:
    # Bit 0 of the general purpose flags (local header and central directory): encrypted.
    data = bytearray(_zip_of("x = 1\n"))
    for header in (b"PK\x03\x04", b"PK\x01\x02"):
        at = data.index(header) + (6 if header == b"PK\x03\x04" else 8)
        data[at] |= 1
    with pytest.raises(AuthoringError, match=r"not a readable \.zip"):
        read_archive(bytes(data))
    # The deflated bytes overwritten: no longer a deflate stream.
    data = bytearray(_zip_of("def add_two(x):\n    return x + 2\n" * 20))
    start = data.index(b"reference.py") + len(b"reference.py")
    data[start : start + 16] = b"\xff" * 16
    with pytest.raises(AuthoringError, match=r"not a readable \.zip"):
        read_archive(bytes(data))


def test_a_zip_of_the_folder_imports_like_the_tar() -> None:
    files = to_files(check_draft(add_draft()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, text in files.items():
            archive.writestr(f"add_two/{path}", text)
    assert read_archive(buffer.getvalue()) == files


def test_an_archive_with_an_unknown_key_names_it() -> None:
    files = to_files(check_draft(add_draft()))
    with pytest.raises(AuthoringError, match="quick_answer"):
        from_files({**files, "kata.toml": 'quick_answer = "no"\n' + files["kata.toml"]})
    with pytest.raises(AuthoringError, match=r"limits\.speed"):
        from_files({**files, "kata.toml": files["kata.toml"] + 'speed = "fast"\n'})
    with pytest.raises(AuthoringError, match=r"tests_hidden\.py"):
        from_files({path: text for path, text in files.items() if path != "tests_hidden.py"})


def pax_bomb(payload: int = 64 * 1024 * 1024) -> bytes:
    """A .tar.gz (well under the upload limit) whose first entry is a pax extended header
    holding `payload` bytes, followed by an ordinary kata file."""
    prefix = f"{payload} comment="
    header = tarfile.TarInfo("././@PaxHeader")
    header.type, header.size = tarfile.XHDTYPE, payload
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip stream
    out = [packer.compress(header.tobuf(format=tarfile.USTAR_FORMAT) + prefix.encode())]
    left = payload - len(prefix) - 1
    chunk = b"a" * (1024 * 1024)
    while left > 0:
        out.append(packer.compress(chunk[: min(left, len(chunk))]))
        left -= len(chunk)
    padding = -payload % tarfile.BLOCKSIZE
    data = b"x = 1\n"
    member = tarfile.TarInfo("add_two/reference.py")
    member.size = len(data)
    out.append(packer.compress(b"\n" + b"\0" * padding + member.tobuf(format=tarfile.USTAR_FORMAT)))
    out.append(packer.compress(data + b"\0" * (tarfile.BLOCKSIZE - len(data))))
    out.append(packer.compress(b"\0" * tarfile.RECORDSIZE) + packer.flush())
    return b"".join(out)


def test_a_huge_pax_header_is_refused_without_reading_it() -> None:
    bomb = pax_bomb()
    assert len(bomb) < MAX_ARCHIVE_BYTES
    tracemalloc.start()
    try:
        with pytest.raises(
            AuthoringError, match=f"unpacks to more than {MAX_TAR_BYTES:,}"
        ) as refused:
            read_archive(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused.value.field == "archive"
    assert peak < 4 * MAX_TAR_BYTES, f"{peak:,} bytes held to refuse it"


def test_a_pax_header_declaring_more_than_it_holds_is_unreadable() -> None:
    header = tarfile.TarInfo("././@PaxHeader")
    header.type, header.size = tarfile.XHDTYPE, 2**32
    archive = zlib.compress(header.tobuf(format=tarfile.USTAR_FORMAT) + b"\0" * 1024, wbits=31)
    with pytest.raises(AuthoringError, match=r"not a readable \.tar\.gz"):
        read_archive(archive)
