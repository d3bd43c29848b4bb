"""broadsheet: rebuild newspaper pages from their raw text dumps."""

__version__ = "0.1.0"
