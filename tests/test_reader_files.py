"""What the reader says about the file itself, before any Markdown: missing, a folder, unreadable,
not UTF-8 (with the byte's line and column), a byte-order mark. Every expectation is written out
by hand. (Found by `make mutate`: these messages could change or lose their place unnoticed.)"""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_data, read_with_diagnostics
from tests.test_reader import VALID


def shown(result) -> list[tuple[str, str, int, int, str]]:
    return [(d.code, d.path, d.line, d.col, d.message) for d in result.diagnostics]


def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    """A path through a file (as if it were a folder): neither missing nor a folder."""
    (tmp_path / "title.md").write_text(VALID, encoding="utf-8")
    path = tmp_path / "title.md" / "other.md"
    result = read_with_diagnostics(path)
    assert result.document is None
    assert shown(result) == [("E100", str(path), 1, 1, "cannot read the file: Not a directory")]


def test_a_byte_that_is_not_utf8_is_named_at_its_line_and_column() -> None:
    data = "---\nab\n".encode() + b"xyz\xff rest\n"  # the bad byte: line 3, the 4th byte of it
    result = read_data(data, "t.md")
    assert result.document is None
    assert shown(result) == [("E100", "t.md", 3, 4, "file is not valid UTF-8")]


def test_a_bad_byte_on_the_first_line() -> None:
    assert shown(read_data(b"\x80---\n", "t.md")) == [("E100", "t.md", 1, 1, "file is not valid UTF-8")]
    assert shown(read_data(b"ab\x80\n", "t.md")) == [("E100", "t.md", 1, 3, "file is not valid UTF-8")]


def test_a_utf16_file_is_named_as_such() -> None:
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        result = read_data(bom + VALID.encode(codec), "t.md")
        assert result.document is None
        assert shown(result) == [("E100", "t.md", 1, 1, "file is not valid UTF-8 (it looks like UTF-16)")], codec


def test_a_byte_order_mark_is_dropped() -> None:
    result = read_data(("\ufeff" + VALID).encode(), "t.md")
    assert shown(result) == []
    assert result.document is not None and result.document.meta.title == "测试"


def test_the_slug_defaults_to_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "my-title.md"
    path.write_text(VALID, encoding="utf-8")
    assert read_with_diagnostics(path).document.meta.slug == "my-title"
    assert read_data(VALID.encode(), "x.md").document.meta.slug == "title"


def test_a_bad_byte_right_after_a_first_empty_line() -> None:
    """The column counts from the last line break before the byte, even when that is the file's first byte."""
    assert shown(read_data(b"\n\x80", "t.md")) == [("E100", "t.md", 2, 1, "file is not valid UTF-8")]
