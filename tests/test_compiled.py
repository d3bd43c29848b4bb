"""The compiled build (setup.py, BROADSHEET_COMPILE=1) reads pages exactly as plain Python.

mypyc rejects or changes some Python (monkeypatching, untyped tricks); this compiles the
modules setup.py names, in a copy of the tree, and compares the JSON of the seed page and
of the sample PDF. Skipped without a C compiler, Python's headers or mypy (mypy comes with
the test extras); the compile takes about a minute on two cores.
"""

from __future__ import annotations

import importlib.util
import json
import os
import runpy
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from broadsheet.export.json import document_json
from broadsheet.pipeline import parse, parse_pdf

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
_CC = (sysconfig.get_config_var("CC") or "cc").split()[0]
_READ = (
    "import sys; from broadsheet.export.json import document_json; "
    "from broadsheet.pipeline import parse, parse_pdf; import broadsheet.pipeline as p; "
    "assert not p.__file__.endswith('.py'), p.__file__; "
    "import json; print(json.dumps([document_json(parse(sys.argv[1]), True), "
    "document_json(parse_pdf(sys.argv[2])[0], True)]))"
)

_HEADERS = Path(sysconfig.get_paths()["include"]) / "Python.h"
pytestmark = pytest.mark.skipif(
    shutil.which(_CC) is None or not _HEADERS.exists() or importlib.util.find_spec("mypyc") is None,
    reason="the compiled build needs a C compiler, Python's headers and mypy",
)


def _mypy_ini() -> str:
    """pyproject.toml's mypy overrides as a mypy.ini: mypyc runs setuptools where it runs,
    and an older setuptools than the build's would choke on the project's metadata."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lines = ["[mypy]"]
    for override in config["tool"]["mypy"].get("overrides", []):
        lines.append(f"[mypy-{','.join(override['module'])}]")
        lines += [f"{k} = {v}" for k, v in override.items() if k != "module"]
    return "\n".join(lines) + "\n"


def test_compiled_build_reads_pages_as_plain_python(tmp_path: Path) -> None:
    for name in ("src", "setup.py"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("*.so"))
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "src" / "mypy.ini").write_text(_mypy_ini(), encoding="utf-8")
    setup = runpy.run_path(str(tmp_path / "setup.py"), run_name="setup")
    modules = [str(p.relative_to(tmp_path / "src")) for p in setup["compiled_modules"]()]
    assert len(modules) > 10
    # The .so files land beside the sources (mypyc builds in place from where it runs).
    subprocess.run(
        [sys.executable, "-m", "mypyc", *modules],
        cwd=tmp_path / "src",
        check=True,
        capture_output=True,
    )
    seed, pdf = SAMPLES / "taz-seed.txt", SAMPLES / "generated-de-0001.pdf"
    done = subprocess.run(
        [sys.executable, "-c", _READ, str(seed), str(pdf)],
        env={**os.environ, "PYTHONPATH": str(tmp_path / "src")},
        check=True,
        capture_output=True,
        text=True,
    )
    plain = [document_json(parse(seed), True), document_json(parse_pdf(pdf)[0], True)]
    assert json.loads(done.stdout) == plain
