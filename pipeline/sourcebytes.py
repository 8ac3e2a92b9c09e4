"""A source file's bytes as they come off the disk, before they are text: what kind of file it is
and which encoding it was saved in.

Kept apart from the reader so that the one question "can these bytes be read as UTF-8 at all?"
(and, when not, the hint that tells the editor how to convert them) sits in one small place; the
reader only ever sees text. Every fault here is E100, at the first byte that does not decode.
"""

from __future__ import annotations

from pipeline.diagnostics import Diagnostic
from pipeline.sourcetext import WINDOWS_1252_MARKS

# Files that are no text at all, by their first bytes: renamed to .md, or picked by mistake. The
# message says what the file is ("file is not valid UTF-8" told the editor nothing) and, for the
# copy `publish import` reads, to bring it in so.
FILE_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive, such as a Word .docx file or an EPUB: bring Word copy in with 'publish import'"),
    (b"\xd0\xcf\x11\xe0", "an old Word .doc (or another old Office) file: save it as .docx, then 'publish import' it"),
    (b"{\\rtf", "an RTF document: save it as .docx or plain text, then 'publish import' it"),
    (b"%PDF-", "a PDF: copy its text into a plain-text file, then 'publish import' it"),
    (b"\x89PNG", "a PNG image, not a source file"),
    (b"\xff\xd8\xff", "a JPEG image, not a source file"),
    (b"GIF8", "a GIF image, not a source file"),
    (b"\x1f\x8b", "a gzip archive, not a source file"),
)


def position(data: bytes, offset: int) -> tuple[int, int]:
    """The line and column of the byte at `offset` of UTF-8 text valid up to it, by the rule every message
    keeps: a column counts characters from 1, as an editor's status bar does, never bytes (E100's counted
    bytes, three a Chinese character, so '44:107' stood for the 35th character), and a byte-order mark
    opening the file is no character of its first line."""
    start = data.rfind(b"\n", 0, offset) + 1
    before = data[start:offset].decode("utf-8-sig" if start == 0 else "utf-8", "replace")
    return data[:offset].count(b"\n") + 1, len(before) + 1


def decode_source(data: bytes, shown: str) -> str | Diagnostic:
    """The text of a source's bytes (a leading byte-order mark kept), or the E100 that says why
    there is none: a file of another kind, or bytes that are not UTF-8 (at the first bad byte)."""
    what = next((what for magic, what in FILE_SIGNATURES if data.startswith(magic)), None)
    if what is not None:
        return Diagnostic("E100", shown, 1, 1, f"this file is {what}")
    if (wide := _wide_encoding(data)) is not None:  # (before UTF-8: UTF-16 of ASCII text decodes, NULs and all)
        return Diagnostic("E100", shown, 1, 1, f"file is not valid UTF-8 (it is {wide[0]}: save it again as UTF-8, "
                                               f"or convert it: iconv -f {wide[1]} -t UTF-8)")
    if data.count(0) * 4 >= len(data) > 0:  # (the twelfth sweep: it was "the first line must be '---'")
        line, col = position(data, data.index(0)) if b"\x00" not in data[:1] else (1, 1)
        return Diagnostic("E100", shown, line, col, f"this file is no text: {data.count(0)} of its {len(data)} bytes "
                                                    "are NUL (zero) bytes, as a crash or a failed copy or sync leaves a "
                                                    "file, or another program's own format; restore it from a copy, or "
                                                    "save the text again as UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = position(data, exc.start)
        hint = _windows_1252(data, exc.start) or _broken_character(data, exc) or _legacy_chinese(data, exc.start)
        return Diagnostic("E100", shown, line, col, f"file is not valid UTF-8{hint}")


def _windows_1252(data: bytes, bad: int) -> str:
    """(the eleventh sweep) A hint when every byte that is not UTF-8 is one of Windows-1252's marks
    alone (0x93 '“', 0x94 '”', 0x96 '–', 0x85 '…'): a quotation or dash typed in an old Windows
    program and pasted into a UTF-8 file. "Another encoding, such as GBK" sent the editor converting
    a file that is UTF-8 throughout."""
    if not any(char >= "\u2e80" for char in data.decode("utf-8", "ignore")):
        return ""  # (no UTF-8 Chinese in the file: a byte alone in ASCII text says nothing of where it came from)
    count, at = 0, bad
    while count < 100:
        if chr(data[at]) not in WINDOWS_1252_MARKS or (at + 1 < len(data) and 0x80 <= data[at + 1] < 0xC0):
            return ""  # (a byte that starts no character, followed by a continuation: another encoding's)
        count += 1
        try:
            data[at + 1:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            at += 1 + exc.start
    else:
        return ""
    meant = WINDOWS_1252_MARKS[chr(data[bad])]
    return (f" (the byte 0x{data[bad]:02X} is Windows-1252's '{meant}', pasted from an old Windows program into this "
            f"UTF-8 file: type '{meant}' again here" + (f", and the {count - 1} more after it" if count > 1 else "") + ")")


def _broken_character(data: bytes, exc: UnicodeDecodeError) -> str:
    """(the tenth sweep) A hint when the file is UTF-8 but for one character whose bytes were cut:
    at the end (a copy, a download or a save stopped: 'unexpected end of data'), or in the middle
    (a byte lost, an editor's or a script's cut by bytes). "Saved in another encoding, such as GBK"
    sent the editor converting a file that is UTF-8 throughout."""
    if exc.reason == "unexpected end of data" and exc.end == len(data):
        return (" (the file ends in the middle of a character: it was cut short, a copy, a download or a save "
                "stopped; type the last character again and check the end of the text is all there)")
    if not any(char >= "\u2e80" for char in data[: exc.start].decode("utf-8", "ignore")):
        return ""  # (no UTF-8 Chinese before it: a file in another encoding, which `_legacy_chinese` names)
    # (a lead byte and at least one of its continuation bytes, then UTF-8 to the end: a Latin-1 'é' amid
    # UTF-8 is one byte alone, which `_legacy_chinese` calls a part in another encoding)
    if exc.end - exc.start >= 2 and data[exc.end:].decode("utf-8", "replace").count("\ufffd") == 0:
        return (" (one character here lost part of its bytes, and the rest of the file is UTF-8: type the "
                "character again from the original copy)")
    return ""


def _legacy_chinese(data: bytes, bad: int) -> str:
    """A hint when the bytes read whole as a Chinese Windows encoding (files saved by Notepad or
    Word on a Chinese system, or sent by a correspondent): which one, and how to convert. Not
    when UTF-8 Chinese stands before the first bad byte: then only a part came in another encoding,
    and converting the whole file would garble the rest. (Two bytes of Big5 or GBK may happen to
    read as one Latin letter in UTF-8, so only Chinese counts.)"""
    if any(char >= "\u2e80" for char in data[:bad].decode("utf-8", "ignore")):
        return (" (the text before this point is UTF-8: this part was pasted or saved in another encoding, "
                "such as GBK; type or paste it again as UTF-8)")
    family = chinese_encoding(data)
    if family is None:
        return ""
    name, codec = family
    return f" (it reads as {name}, a Chinese Windows encoding: save it again as UTF-8, or convert it: iconv -f {codec} -t UTF-8)"


def chinese_encoding(data: bytes) -> tuple[str, str] | None:
    """(name told to the editor, iconv's name) of the Chinese Windows encoding (GBK/GB 18030 or
    Big5) the bytes read as, by charset_normalizer's guess from the text's characters (GB18030
    alone decodes Big5 bytes too, into nonsense), or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return _CHINESE_ENCODINGS.get(best.encoding.replace("_", "").lower()) if best is not None else None


# charset_normalizer's names (underscores dropped) → what the editor is told, and iconv's name
_CHINESE_ENCODINGS = {
    **dict.fromkeys(("gb2312", "gbk", "gb18030", "cp936", "hz"), ("GBK / GB 18030", "GB18030")),
    **dict.fromkeys(("big5", "big5hkscs", "cp950"), ("Big5", "BIG5-HKSCS")),
}


# Files in a two- or four-byte encoding (Notepad's "Unicode", Excel's "Unicode text", a Windows
# clipboard dump): by their byte-order mark, or, without one, by the NUL bytes every ASCII
# character (the front matter's keys, '---') brings in its high half. UTF-8 text never holds
# NULs but for a stray one (E219). (name told to the editor, iconv's name), by signature.
_WIDE_MARKS = (
    (b"\xff\xfe\x00\x00", ("UTF-32 (little-endian)", "UTF-32")), (b"\x00\x00\xfe\xff", ("UTF-32 (big-endian)", "UTF-32")),
    (b"\xff\xfe", ("UTF-16 (little-endian)", "UTF-16")), (b"\xfe\xff", ("UTF-16 (big-endian)", "UTF-16")),
)


def _wide_encoding(data: bytes) -> tuple[str, str] | None:
    """(name, iconv name) of the UTF-16 or UTF-32 encoding `data` is in, or None."""
    marked = next((named for mark, named in _WIDE_MARKS if data.startswith(mark)), None)
    if marked is not None:
        return marked
    head = data[:4096]
    if len(head) < 8 or head.count(0) < len(head) // 5:  # (a stray NUL or two is E219's)
        return None
    for step in (4, 2):  # (UTF-32 first: its ASCII is UTF-16's too, with NUL units between)
        units = [head[i:i + step] for i in range(0, len(head) - step + 1, step)]
        for order, char, rest in (("little", 0, slice(1, None)), ("big", -1, slice(None, -1))):
            if sum(1 for unit in units if unit[char] and not any(unit[rest])) * 3 >= len(units):
                code = f"UTF-{step * 8}{'LE' if order == 'little' else 'BE'}"
                return f"UTF-{step * 8} ({order}-endian) without a byte-order mark", code
    return None
