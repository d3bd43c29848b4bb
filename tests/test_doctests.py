"""The examples in the package's docstrings run as tests: an example that no longer holds
fails here, not in a reader's hands."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import broadsheet

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(broadsheet.__path__, "broadsheet.") if not m.ispkg
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), verbose=False)
    assert result.failed == 0
