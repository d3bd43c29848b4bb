"""Optional compiled build: with BROADSHEET_COMPILE=1, mypyc compiles the pipeline's modules
to C extensions (the same code and the same output, about a fifth less time a page);
without it the package is plain Python and needs no compiler. See README, "Compiled build":

    pip install mypy "setuptools>=77"
    BROADSHEET_COMPILE=1 pip install --no-build-isolation .

The build needs mypy and a C compiler; they are not build requirements, so that a plain
install never fetches them (hence --no-build-isolation, which builds with what is installed).
Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from setuptools import setup

HERE = Path(__file__).resolve().parent
# The pipeline's modules. The rest stays plain Python: the CLI, exports and evaluation are
# not hot, and the PDFium reader (load/pdf.py) spends its time in ctypes calls, which
# compiling does not make cheaper.
COMPILED = (
    "model.py",
    "traced.py",
    "pipeline.py",
    "layout/*.py",
    "repair/*.py",
    "page.py",
    "load/text.py",
)


def compiled_modules() -> list[Path]:
    """The source files mypyc compiles."""
    package = HERE / "src" / "broadsheet"
    return sorted(p for pattern in COMPILED for p in package.glob(pattern))


def ext_modules() -> list[Any]:
    if os.environ.get("BROADSHEET_COMPILE") != "1":
        return []
    from mypyc.build import mypycify  # only the compiled build needs mypy

    # Paths relative to the project (pip runs this file there): the modules get their
    # package names from the tree under src/.
    modules = [str(p.relative_to(HERE)) for p in compiled_modules()]
    return list(mypycify(modules, opt_level="3"))


if __name__ == "__main__":  # as pip and setuptools run it; tests import the lists above
    setup(ext_modules=ext_modules())
