"""Newspaper pages generated with exact ground truth (development tooling, not installed).

corpus.py   article texts with their fields, read from a corpus folder
compose.py  a seeded page plan: columns, rows of stories, pictures, boxes; its gold
typeset.py  the plan as HTML/CSS, typeset by WeasyPrint (hyphens: auto, ligatures)
extract.py  text dumps as real extractors make them, and degradations seen in the wild
bench.py    the benchmark: broadsheet and baselines scored on generated pages
"""
