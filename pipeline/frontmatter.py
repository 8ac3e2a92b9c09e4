"""The YAML front matter: parsed with the line of every value, validated by pydantic.

Line numbers matter because every problem is reported as `file:line:col`; PyYAML's nodes
carry them, so values are built from nodes and their positions kept beside them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable
from typing import Annotated, Any, Literal

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from pipeline.datesmeant import meant_date
from pipeline.diagnostics import Diagnostic
from pipeline.fieldnames import field_named_elsewhere, id_case_clash, named_in_chinese
from pipeline.sourcetext import line_join

Path_ = tuple[str | int, ...]


class _Input(BaseModel):
    # A title or a name may be a number ('1984'); the text is what the editor wrote.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, coerce_numbers_to_str=True)


_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|[\n\r\x85\v\f])\s*")


def _one_line(value: str) -> str:
    """A value written over several lines (a YAML '|' block) is one line of text, joined as the
    body joins a paragraph's lines (`line_join`). Editions print these values on one line (a
    cover, a label, a feed's title)."""
    def join(match: re.Match[str]) -> str:
        before, after = value[match.start() - 1 : match.start()], value[match.end() : match.end() + 1]
        return line_join(before, after)

    return str(_LINE_BREAK.sub(join, value))  # (plain text, also for a number as written)


Text = Annotated[str, AfterValidator(_one_line), Field(min_length=1, max_length=10_000)]
MAX_ID_LENGTH = 80  # a speaker id or a slug (the slug names files: output/<slug>-learner.epub …)
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"  # a speaker id or a slug: lower-case letters, digits, hyphens
Identifier = Annotated[str, Field(pattern=ID_PATTERN, max_length=MAX_ID_LENGTH)]
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class VoiceInput(_Input):
    gender: Literal["male", "female"] | None = None
    age: Literal["young", "adult", "senior"] | None = None
    edge: Annotated[str, Field(min_length=1, max_length=200)] | None = None  # casting checks the name
    espeak: Annotated[str, Field(min_length=1, max_length=200)] | None = None


class SpeakerInput(_Input):
    id: Identifier
    name: Text
    role: Text | None = None
    handle: Annotated[str, Field(pattern=r"^@\S+$", max_length=200)] | None = None
    pseudonym: bool = False
    voice: VoiceInput = VoiceInput()


class FrontMatterInput(_Input):
    id: Text
    slug: Identifier | None = None
    title: Text
    subtitle: Text | None = None
    language: str = Field(min_length=2, max_length=60)
    authors: list[Text] = Field(min_length=1)
    editor: Text | None = None
    outlet: Text
    account: Text | None = None
    date: dt.date
    description: Text
    rights: Text
    credit: Text | None = None
    speakers: list[SpeakerInput] = []
    pronunciations: dict[str, str] = {}

    @field_validator("authors", mode="before")
    @classmethod
    def _one_author(cls, value: Any) -> Any:
        return [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        """Only 'YYYY-MM-DD': pydantic would also take 0 or 20240102 as seconds since 1970."""
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
            # (the day a form of another tool stands for, '2024/3/5' → 2024-03-05: `datesmeant`)
            meant = meant_date(value)
            raise ValueError(f"'{value}' is not written YYYY-MM-DD: {meant}" if meant and not isinstance(value, dt.date)
                             else meant or "write the date as YYYY-MM-DD, e.g. 2024-02-22")
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"'{value.strip()}' is not a day of the calendar") from None

    @field_validator("language")
    @classmethod
    def _language_tag(cls, value: str) -> str:
        """A BCP 47 tag as EPUB's xml:lang and the voices need it ('zh-Hans', 'zh-CN', 'yue')."""
        import langcodes  # lazy: ~70 ms, only when a source is read

        if "_" in value:
            raise ValueError(f"write '{value.replace('_', '-')}' (BCP 47 tags use '-')")
        if not langcodes.tag_is_valid(value):
            # (the ninth sweep: the language named as an editor says it, '中文', 'Chinese', or a tag typed
            # through an IME or with a space, 'ｚｈ-Ｈａｎｓ', 'zh CN': the tag meant, where there is one)
            typed = re.sub(r"[\s_]+", "-", unicodedata.normalize("NFKC", value).strip())
            meant = LANGUAGE_NAMES.get(typed.lower()) or (typed if langcodes.tag_is_valid(typed) else None)
            raise ValueError(f"'{value}' is not a BCP 47 language tag: " + (f"write {meant}" if meant else
                                                                               "write e.g. zh-Hans, zh-CN or zh-Hant"))
        return value

    @field_validator("pronunciations", "speakers", mode="before")
    @classmethod
    def _empty_table(cls, value: Any, info: Any) -> Any:
        """'speakers:' or 'pronunciations:' with nothing under it is an empty table."""
        if value is None:
            return {} if info.field_name == "pronunciations" else []
        return value


class FrontMatterError(Exception):
    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("; ".join(map(str, diagnostics)))


class Positions:
    """(line, col) of every value in the YAML, by its path, 1-based, in file coordinates."""

    def __init__(self, line_offset: int) -> None:
        self.line_offset = line_offset
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}

    def _at(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def add(self, path: Path_, node: yaml.Node) -> None:
        self.marks[path] = self._at(node)

    def add_key(self, path: Path_, node: yaml.Node) -> None:
        self.keys[path] = self._at(node)

    def key_of(self, path: Path_) -> tuple[int, int]:
        """The position of the key that names `path` (for unknown fields, table entries)."""
        return self.keys.get(path) or self.of(path)

    def of(self, path: Path_) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1 + self.line_offset, 1))


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so pydantic reports a bad one at its position."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# What an escape in a quoted value ("\x07", "\ud800") can smuggle past the raw-text scan:
# controls no edition can carry and lone surrogates that cannot even be written as UTF-8.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")
MAX_VALUES = 100_000  # aliases can expand a few lines into billions of values ("billion laughs")


class _TooMany(Exception):
    """More values than any front matter holds; `path` is where the count ran out."""

    def __init__(self, path: Path_) -> None:
        self.path = path


class _Budget:
    def __init__(self) -> None:
        self.values = 0
        self.open: set[int] = set()  # ids of the collections being built (an alias may point back)


def _key(key_node: yaml.Node) -> str:
    """A mapping key as text: as written when it is a number, null or yes/no ('2024', '~')."""
    if not isinstance(key_node, yaml.ScalarNode):
        raise yaml.constructor.ConstructorError(
            None, None, "a key must be a plain word, not a list or a mapping", key_node.start_mark)
    if key_node.tag == "tag:yaml.org,2002:merge":
        raise yaml.constructor.ConstructorError(None, None, (
            "a merge key '<<' is not part of the format: write the fields out where they belong"), key_node.start_mark)
    # as written: PyYAML's scalar node already holds a text key's text (quotes and escapes
    # resolved), and constructing a tagged key ('!!int abc') could only fail
    key = str(key_node.value)
    if hidden := _HIDDEN.search(key):
        raise yaml.constructor.ConstructorError(
            None, None, f"the key holds an invisible character U+{ord(hidden[0]):04X}: delete it", key_node.start_mark)
    return key


# No field of the format is a number: a title, a name or a role written as one ('1984', '3.10')
# is text, kept exactly as typed (YAML would read '3.10' as 3.1, '010' as 8 and '1:20' as 80).
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


class _Number(str):
    """The text of a value YAML reads as a number, so that a message can still call it one
    ('speakers' must be a list, not a number)."""


# The tags a front matter's values carry, written or not: text, numbers (kept as text), yes/no,
# nothing, lists and mappings. Any other tag ('!!binary', '!!set', '!!python/…', an app's own
# '!zh') either made a value no field takes (bytes, a set: a title of b'hello' went through
# unseen) or met PyYAML's "could not determine a constructor for the tag 'tag:yaml.org,2002:…'".
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map"))


def _tag_as_written(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _build(node: yaml.Node, loader: yaml.SafeLoader, path: Path_, pos: Positions, budget: _Budget) -> Any:
    budget.values += 1
    if budget.values > MAX_VALUES:
        raise _TooMany(path)
    pos.add(path, node)
    if node.tag not in _PLAIN_TAGS:
        raise yaml.constructor.ConstructorError(None, None, (
            f"the YAML tag '{_tag_as_written(node.tag)}' is not part of the format: a value is plain text, a list or "
            "'field: value' lines; delete the tag (to print it, put the whole value in quotes)"), node.start_mark)
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        if id(node) in budget.open:
            raise yaml.constructor.ConstructorError(
                None, None, "an alias '*' refers to a value that contains it", node.start_mark)
        budget.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                result: dict[str, Any] = {}
                for key_node, value_node in node.value:
                    key = _key(key_node)
                    if key in result:
                        raise yaml.constructor.ConstructorError(  # (which of the two is meant: the editor decides)
                            None, None, f"duplicate key {key!r} (first on line {pos.key_of((*path, key))[0]}): "
                            "keep one of the two (a paste or a merge wrote the field twice)", key_node.start_mark)
                    pos.add_key((*path, key), key_node)
                    result[key] = _build(value_node, loader, (*path, key), pos, budget)
                return result
            return [_build(item, loader, (*path, i), pos, budget) for i, item in enumerate(node.value)]
        finally:
            budget.open.discard(id(node))
    if node.tag in _NUMBER_TAGS and loader.resolve(yaml.ScalarNode, node.value, (True, False)) == node.tag:
        return _Number(node.value)  # as written: '3.10', '010', '1:20', '.inf' would be 3.1, 8, 80, inf
    try:
        value = loader.construct_object(node)
    except (ValueError, TypeError, OverflowError) as exc:
        raise yaml.constructor.ConstructorError(None, None, str(exc), node.start_mark) from None
    if isinstance(value, str) and (hidden := _HIDDEN.search(value)):
        raise yaml.constructor.ConstructorError(None, None, (
            f"the value holds an invisible character U+{ord(hidden[0]):04X} (written as an escape): "
            "delete it"), node.start_mark)
    return value


def parse_yaml(text: str, path: str, line_offset: int) -> tuple[dict[str, Any], Positions]:
    """Parse YAML text whose first line is file line `line_offset + 1`. White space at a line's
    end is dropped first: it is invisible, means nothing to a value (a value is one line), and
    a tab there stopped PyYAML ("found character '\\t' that cannot start any token")."""
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    pos = Positions(line_offset)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = {} if node is None else _build(node, loader, (), pos, _Budget())
        finally:
            loader.dispose()
    except _TooMany as exc:  # at the field whose aliases blew up, not at the anchor they repeat
        line, col = pos.key_of(exc.path[:1])
        raise FrontMatterError([Diagnostic("E102", path, line, col, (
            f"'{exc.path[0] if exc.path else ''}' holds more than {MAX_VALUES:,} values: "
            "aliases ('*name') repeat too much"))]) from None
    except RecursionError:
        raise FrontMatterError([Diagnostic(
            "E102", path, line_offset + 1, 1, "front matter is nested too deeply to read")]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "flow" in (exc.context or "") and exc.context_mark is not None:  # (at the '[' left open, not lines later)
            mark = exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else line_offset + 1
        col = (mark.column + 1) if mark else 1
        problem = " ".join(filter(None, [exc.context, exc.problem])) or str(exc)
        written = text.split("\n")[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
        problem = _plain_problem(problem, written)
        # a field's name typed with an IME's '：' is no key, and PyYAML stumbles a line or more later
        upto = text.split("\n")[: (mark.line + 1) if mark else 0]
        if (wide := next((k for k, key in enumerate(upto) if _WIDE_INDENT.match(key)), None)) is not None:
            line, col = wide + 1 + line_offset, 1
            space = "a full-width space U+3000" if upto[wide][0] == "\u3000" else f"U+{ord(upto[wide][0]):04X}"
            problem = (f"'{upto[wide].strip()[:30]}' is indented with {space}, which YAML does not read as "
                       "indentation (a word processor's or an input method's): indent with half-width spaces")
        elif (dash := next((k for k, key in enumerate(upto) if _WIDE_DASH_ITEM.match(key)), None)) is not None:
            line, col = dash + 1 + line_offset, len(upto[dash]) - len(upto[dash].lstrip()) + 1
            mark = upto[dash].strip()[0]
            problem = (f"'{upto[dash].strip()[:30]}' opens a list item with '{mark}' (U+{ord(mark):04X}), typed through an "
                       "input method: YAML's list items start with a half-width hyphen and a space, '- '")
        elif (glued := next((k for k, key in enumerate(upto) if _GLUED_VALUE.match(key)), None)) is not None:
            line, col = glued + 1 + line_offset, upto[glued].index(":") + 2
            problem = (f"'{upto[glued].split(' #')[0].strip()[:30]}' has no plain space after the field's colon: YAML "
                       "needs ': ' (a colon and a half-width space) between a field's name and its value ('editor: 周一')")
        elif (typed := next((k for k, key in enumerate(upto) if _FULL_WIDTH_KEY.match(key)), None)) is not None:
            line, col = typed + 1 + line_offset, len(upto[typed]) - len(upto[typed].lstrip(" -")) + 1
            problem = (f"'{upto[typed].split(' #')[0].strip()[:30]}' has a full-width colon '：' after the field's name: YAML needs a "
                       "half-width colon and a space ('editor: 周一')" + named_in_chinese(upto[typed]))
        # a value YAML reads but the format does not take (a tag, a merge key, a duplicate key, an
        # escape): the YAML is valid, so "not valid YAML" sent the editor hunting for a syntax slip
        said = ("front matter holds what the format does not take" if isinstance(exc, yaml.constructor.ConstructorError)
                else "front matter is not valid YAML")
        raise FrontMatterError([Diagnostic("E102", path, line, col, f"{said}: {problem}")]) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1 + line_offset
        col = len(before) - (before.rfind("\n") + 1) + 1
        code = ord(exc.character) if isinstance(exc.character, str) else int(exc.character)
        raise FrontMatterError([Diagnostic(
            "E102", path, line, col, f"front matter has a control character U+{code:04X}: delete it")]) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError([Diagnostic(
            "E102", path, line_offset + 1, 1, f"front matter is not valid YAML: {exc}")]) from None
    if not isinstance(data, dict):
        raise FrontMatterError(
            [Diagnostic("E102", path, line_offset + 1, 1, "front matter must be a mapping of 'field: value' lines")]
        )
    return data, pos


# A language as editors name it, for E104's "write zh-Hans" (the tag the editions and voices read).
LANGUAGE_NAMES = {name.lower(): tag for tag, names in {
    "zh-Hans (zh-Hant for a text in traditional characters)": "中文 汉语 漢語 华语 普通话 简体 简体中文 簡體中文 chinese mandarin simplified-chinese cn zh-cn-hans",
    "zh-Hant": "繁体 繁體 繁体中文 繁體中文 traditional-chinese",
    "yue": "粤语 粵語 广东话 廣東話 cantonese",
    "en": "英文 英语 英語 english",
}.items() for name in names.split()}


# PyYAML's words for the mistakes editors make → the editor's words (the line as written decides
# where the words alone do not): (words in the problem, the value starts with a quote?, message)
_YAML_PROBLEMS: tuple[tuple[str, bool | None, str], ...] = (
    ("'\\t'", None, "a tab stands here: YAML indents and separates with spaces only (replace the tab with spaces)"),
    ("found undefined alias", None, "'*' starts an alias, which names an '&' anchor above, and there is none: write the "
                                    "value itself, or put it in quotes if it starts with '*'"),
    # (the ninth sweep: a value opening with a character YAML keeps for itself, a handle's '@', a '`', a '%',
    # or '*' / '&' before a Chinese word, was told in PyYAML's words, "cannot start any token")
    ("that cannot start any token", None, "a value cannot start with '@', '`' or '%' (YAML keeps them for itself): "
                                          "put the whole value in quotes (handle: \"@一帆Games\")"),
    ("expected alphabetic or numeric character", None, "a value starting with '*' or '&' reads as a YAML alias or "
                                                       "anchor: put the whole value in quotes (editor: \"*周一\")"),
    ("but found '-'", None, "this '- ' item stands outside the list it belongs to: indent it as the items above it"),
    ("but found '<block sequence start>'", None, "this '- ' item is indented deeper than the items above it (or stands "
                                                 "under a field that has a value): indent it as they are"),
    ("expected ',' or ']'", None, "a list opened with '[' is not closed with ']' on its line: authors: [林小满, 王五]"),
    ("expected ',' or '}'", None, "a mapping opened with '{' is not closed with '}' on its line: voice: {gender: female}"),
    ("mapping values are not allowed here", None,
     "': ' inside a value reads as the start of another field: put the whole value in quotes "
     "(description: \"…: …\"), or write the full-width '：'"),
    ("but found", True,
     "the value starts with a quotation mark, so the quoted part is read as the whole value: put the whole "
     "value in single quotes (title: '\"AI\"来了'), or write Chinese quotation marks “…”"),
)


# 'editor:周一', 'editor:\u00a0周一' (a no-break or full-width space an IME typed): no key, and PyYAML
# stumbles on the next line ("could not find expected ':'"); a value's own colons ('urn:uuid:…') follow ': '
_GLUED_VALUE = re.compile(r"^\s*(?:- )?[A-Za-z_][\w-]*:(?:[^\s:/]|[\u00a0\u3000])")
# A line indented with a full-width or no-break space (a word processor's, an input method's): YAML
# indents with U+0020 only, and PyYAML's words ("': ' inside a value…") named another fault.
_WIDE_INDENT = re.compile(r"^ *[\u3000\u00a0\u2000-\u200a\u202f\u205f]+\s*\S")
_WIDE_DASH_ITEM = re.compile(r"^\s*[－﹣—–―‐‑]\s*\S")  # ('－ id: x': an IME's hyphen opening a list item)
_FULL_WIDTH_KEY = re.compile(r"^\s*(?:- )?[^\W\d][\w-]*\s*：")  # ('editor：周一': a key, then '：')


def _plain_problem(problem: str, line: str) -> str:
    """The editor's words for PyYAML's `problem` at `line`, or the problem as PyYAML says it."""
    value = line.split(":", 1)[1].lstrip() if ":" in line else ""
    quoted = value[:1] in ("\"", "'")
    for words, starts_quoted, message in _YAML_PROBLEMS:
        if words in problem and starts_quoted in (None, quoted):
            return message
    return problem


def validate(data: dict[str, Any], pos: Positions, path: str) -> FrontMatterInput:
    try:
        return FrontMatterInput.model_validate(data)
    except ValidationError as exc:
        found = [_diagnostic(err, pos, path, data) for err in exc.errors()]
        raise FrontMatterError([d for d in found if not _misspelt_not_missing(d, found)]) from None


def _misspelt_not_missing(problem: Diagnostic, found: list[Diagnostic]) -> bool:
    """Whether `problem` is an E103 for a field an E105 beside it names as the one meant ('“title”:',
    'titel:' → did you mean 'title'?): one fault, one error (it was both, "missing" first)."""
    if problem.code != "E103":
        return False
    where = problem.message.split("'")[1]
    parent, _, field = where.rpartition(".")
    return any(d.code == "E105" and f"did you mean '{field}'?" in d.message
               and d.message.split("'")[1].rpartition(".")[0] == parent for d in found)


_MODELS: dict[tuple[str, ...], type[BaseModel]] = {
    (): FrontMatterInput, ("speakers",): SpeakerInput, ("speakers", "voice"): VoiceInput}
_KINDS = {str: "text", _Number: "a number", int: "a number", float: "a number", bool: "yes/no", list: "a list", dict: "a mapping",
          type(None): "nothing"}


def _diagnostic(err: Any, pos: Positions, path: str, data: dict[str, Any]) -> Diagnostic:
    # (no "[key]" in a location: `_key` makes every key text, and text is all a table's keys need)
    loc: Path_ = tuple(err["loc"])
    where = ".".join(str(part) for part in loc)
    kind = err["type"]
    line, col = pos.key_of(loc) if kind == "extra_forbidden" else pos.of(loc)
    if kind == "missing":
        return Diagnostic("E103", path, line, col, f"required field '{where}' is missing")
    if kind == "extra_forbidden":
        return Diagnostic("E105", path, line, col, f"unknown field '{where}'{_nearest(loc)}")
    if kind == "model_type" and err.get("input") is None and loc and isinstance(loc[-1], int):  # (not "not nothing")
        return Diagnostic("E104", path, line, col, f"item {loc[-1] + 1} of '{'.'.join(map(str, loc[:-1]))}' is empty, a '-' "
                          "with nothing after it: write its fields under it ('id:', 'name:'), or delete the '-'")
    if kind in ("string_type", "list_type", "dict_type", "bool_type", "bool_parsing", "model_type"):
        got = _KINDS.get(type(err.get("input")), type(err.get("input")).__name__)
        wanted = {"string_type": "text", "list_type": "a list", "dict_type": "a 'key: value' mapping",
                  "bool_type": "true or false", "bool_parsing": "true or false"}.get(kind, "a mapping of fields")
        # (a number is taken as text: coerce_numbers_to_str)
        quote = " (put it in quotes)" if kind == "string_type" and got in ("yes/no", "nothing") else ""
        if got == "text" and kind in ("dict_type", "model_type") and "：" in str(err.get("input")):  # ('行长：háng zhǎng')
            quote = f": '{str(err['input'])[:30]}' has a full-width '：' where YAML needs a half-width ': '"
        return Diagnostic("E104", path, line, col, f"'{where}' must be {wanted}, not {got}{quote}")
    kind = kind.removeprefix("string_") if kind in ("string_too_short", "string_too_long") else kind
    if kind in _SAID:
        clash = (id_case_clash(str(err.get("input")), loc[1], data.get("speakers"),
                               lambda k: pos.of(("speakers", k, "id"))[0])
                 if kind == "string_pattern_mismatch" and loc[0] == "speakers" and loc[-1] == "id" else "")
        return Diagnostic("E104", path, line, col, _SAID[kind](where, loc, err) + clash)
    return Diagnostic("E104", path, line, col, f"'{where}': {_plain(err['msg'])}")


def _pattern(where: str, loc: Path_, err: Any) -> str:
    written = str(err.get("input"))
    if loc[-1] == "handle":  # (an input method's full-width '＠' is named with the fix since the thirteenth sweep)
        fix = f": write '@{written[1:]}' (a half-width '@')" if written.startswith("＠") and " " not in written else ""
        return f"'{where}' is a handle: '@' and the name without spaces, e.g. '@余飞', not '{written}'{fix}"
    return (f"'{where}' must be lower-case Latin letters, digits and hyphens, starting with a letter or digit "
            f"(e.g. 'wang-wu', 'night-shift'), not '{written}'")


# pydantic's own wording ("String should match pattern '^[a-z0-9][a-z0-9-]*$'", "Value should have
# at least 1 item after validation, not 0") said to an editor in the editor's terms
_SAID: dict[str, Callable[[str, Path_, Any], str]] = {
    "too_short": lambda where, loc, err: (f"'{where}' is empty: write its text, or delete the field if it is optional"
                                          if isinstance(err.get("input"), str) else
                                          f"'{where}' is an empty list: write at least one"),
    "too_long": lambda where, loc, err: f"'{where}' is longer than {err.get('ctx', {}).get('max_length')} characters",
    "string_pattern_mismatch": _pattern,
}


def _nearest(loc: Path_) -> str:
    """", did you mean 'outlet'?" for a misspelt field name, from the fields of its table."""
    model = _MODELS.get(tuple(part for part in loc[:-1] if isinstance(part, str)))
    if model is None or not isinstance(loc[-1], str):
        return ""
    if (said := field_named_elsewhere(loc[-1], model.model_fields)) is not None:  # ('标题', 'layout': another template's)
        return said
    near = difflib.get_close_matches(loc[-1].lower(), list(model.model_fields), n=1, cutoff=0.6)
    return f": did you mean '{near[0]}'?" if near else ""


def _plain(message: str) -> str:
    """pydantic's words without its prefixes, and its "Input should be …" as "must be …"."""
    return re.sub(r"^Input should be ", "must be ", re.sub(r"^(Value error, |Assertion failed, )", "", message))


def _choice(where: str, loc: Path_, err: Any) -> str:
    """A value that is not one of a field's few words ('gender: 女', 'age: 70'), named with them."""
    expected = str(err.get("ctx", {}).get("expected", "")).replace("'", "")
    return f"'{where}' is '{err.get('input')}', which is none of its words: write {expected}"


_SAID["literal_error"] = _choice
