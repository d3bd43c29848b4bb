"""broadsheet: rebuild newspaper pages from born-digital PDFs or their text dumps.

    >>> import broadsheet
    >>> doc = broadsheet.parse("page.pdf")  # or a dump's path, bytes, or its text  # doctest: +SKIP
    >>> for item in doc.items(): print(item.type, item.headline)  # doctest: +SKIP
    >>> print(doc.to_json())  # doctest: +SKIP

The names below are loaded when first asked for (PEP 562): `import broadsheet` reads no
other module, so a command that only needs the version, or the scorer, starts at once, and
the pipeline (word lists, PDFium) loads with the first `broadsheet.parse`.
"""

from __future__ import annotations

from importlib import import_module

# typing.TYPE_CHECKING without importing typing (type checkers take the name as true).
TYPE_CHECKING = False
if TYPE_CHECKING:  # what type checkers see; at run time `__getattr__` loads them
    from broadsheet.api import parse as parse
    from broadsheet.errors import BroadsheetError as BroadsheetError
    from broadsheet.model import Document as Document
    from broadsheet.model import Item as Item
    from broadsheet.model import Page as Page
    from broadsheet.model import Repair as Repair
    from broadsheet.model import Skipped as Skipped
    from broadsheet.model import Traced as Traced

__version__ = "0.1.0"

# Each public name and the module it is loaded from, on first use.
_LAZY = {
    "parse": "broadsheet.api",
    "BroadsheetError": "broadsheet.errors",
    "Document": "broadsheet.model",
    "Item": "broadsheet.model",
    "Page": "broadsheet.model",
    "Repair": "broadsheet.model",
    "Skipped": "broadsheet.model",
    "Traced": "broadsheet.model",
}

__all__ = [
    "BroadsheetError",
    "Document",
    "Item",
    "Page",
    "Repair",
    "Skipped",
    "Traced",
    "__version__",
    "parse",
]


if not TYPE_CHECKING:  # hidden from type checkers, which would take any name as defined

    def __getattr__(name: str) -> object:
        """A public name, loaded from its module on first use and kept here after."""
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'broadsheet' has no attribute {name!r}")
        value = getattr(import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
