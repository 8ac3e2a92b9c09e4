"""Errors an editor can act on. Raised anywhere, caught once at the CLI boundary."""

from __future__ import annotations


class PublishError(Exception):
    """A problem the user must fix; the message says what and how."""


class SourceError(PublishError):
    """A problem at a place in a source file, printed as `file:line:col: message`."""

    def __init__(self, path: str, line: int, col: int, message: str) -> None:
        self.path, self.line, self.col, self.message = path, line, col, message
        super().__init__(f"{path}:{line}:{col}: {message}")
