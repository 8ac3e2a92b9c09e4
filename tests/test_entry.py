"""The console script's module imports nothing: a worker process started by "spawn" runs the
script's module level again, and a script that imported `pipeline.cli` made every worker load
Typer, Rich and every command's imports before its first task."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points


def test_the_console_script_is_the_light_entry_point() -> None:
    [script] = [e for e in entry_points(group="console_scripts") if e.name == "publish"]
    assert script.value == "pipeline.entry:main"


def test_importing_the_entry_point_loads_neither_the_cli_nor_its_libraries() -> None:
    code = ("import sys, pipeline.entry; "
            "print(sorted(m for m in ('pipeline.cli', 'typer', 'rich', 'click') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
