"""Benchmarks: scripts that measure broadsheet; run them as `python benchmarks/NAME.py`."""
