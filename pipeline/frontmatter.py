"""The YAML front matter: parsed with the line of every value, validated by pydantic.

Line numbers matter because every problem is reported as `file:line:col`; PyYAML's nodes
carry them, so values are built from nodes and their positions kept beside them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pipeline.diagnostics import Diagnostic

Path_ = tuple[str | int, ...]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class VoiceInput(_Input):
    gender: Literal["male", "female"] | None = None
    age: Literal["young", "adult", "senior"] | None = None
    edge: str | None = None
    espeak: str | None = None


class SpeakerInput(_Input):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    role: str | None = None
    handle: str | None = Field(default=None, pattern=r"^@\S+$")
    pseudonym: bool = False
    voice: VoiceInput = VoiceInput()


class FrontMatterInput(_Input):
    id: str = Field(min_length=1)
    slug: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=1)
    subtitle: str | None = None
    language: str = Field(min_length=2)
    authors: list[str] = Field(min_length=1)
    editor: str | None = None
    outlet: str = Field(min_length=1)
    account: str | None = None
    date: dt.date
    description: str = Field(min_length=1)
    rights: str = Field(min_length=1)
    credit: str | None = None
    speakers: list[SpeakerInput] = []
    pronunciations: dict[str, str] = {}

    @field_validator("authors", mode="before")
    @classmethod
    def _one_author(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


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


def _build(node: yaml.Node, loader: yaml.SafeLoader, path: Path_, pos: Positions) -> Any:
    pos.add(path, node)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            pos.add_key((*path, str(key)), key_node)
            result[key] = _build(value_node, loader, (*path, str(key)), pos)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loader, (*path, i), pos) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(None, None, str(exc), node.start_mark) from None


def parse_yaml(text: str, path: str, line_offset: int) -> tuple[dict[str, Any], Positions]:
    """Parse YAML text whose first line is file line `line_offset + 1`."""
    pos = Positions(line_offset)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = {} if node is None else _build(node, loader, (), pos)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else line_offset + 1
        col = (mark.column + 1) if mark else 1
        problem = " ".join(filter(None, [exc.context, exc.problem])) or str(exc)
        raise FrontMatterError([Diagnostic("E102", path, line, col, f"front matter is not valid YAML: {problem}")])
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1 + line_offset
        col = len(before) - (before.rfind("\n") + 1) + 1
        raise FrontMatterError([Diagnostic(
            "E102", path, line, col, f"front matter has a control character U+{exc.character:04X}: delete it")])
    if not isinstance(data, dict):
        raise FrontMatterError(
            [Diagnostic("E102", path, line_offset + 1, 1, "front matter must be a mapping of 'field: value' lines")]
        )
    return data, pos


def validate(data: dict[str, Any], pos: Positions, path: str) -> FrontMatterInput:
    try:
        return FrontMatterInput.model_validate(data)
    except ValidationError as exc:
        raise FrontMatterError([_diagnostic(err, pos, path) for err in exc.errors()]) from None


def _diagnostic(err: Any, pos: Positions, path: str) -> Diagnostic:
    loc: Path_ = tuple(err["loc"])
    where = ".".join(str(part) for part in loc)
    kind = err["type"]
    line, col = pos.key_of(loc) if kind == "extra_forbidden" else pos.of(loc)
    if kind == "missing":
        return Diagnostic("E103", path, line, col, f"required field '{where}' is missing")
    if kind == "extra_forbidden":
        return Diagnostic("E105", path, line, col, f"unknown field '{where}'")
    return Diagnostic("E104", path, line, col, f"'{where}': {_plain(err['msg'])}")


def _plain(message: str) -> str:
    return re.sub(r"^(Value error, |Assertion failed, )", "", message)
