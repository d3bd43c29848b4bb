"""The real pages with hand-made gold keep the figures they reached: a regression fails.

Every gold page of `../shared/real/` (or `BROADSHEET_REAL`) is read with the PDF path and
scored as `benchmarks/real_pages.py` scores it; each page and metric has a floor in
`tests/real_floors.json` just under the figure reached (CER a ceiling just over it).
After a change that moves the figures, regenerate the file with
`python benchmarks/real_pages.py --floors` and read its diff. Without the pages (CI) the
module skips.
"""

from __future__ import annotations

import pytest
from benchmarks.real_pages import CEILINGS, METRICS

from real_data import DATA, PAGES, REAL, available, figures, gold_pages

if not available():
    pytest.skip(f"no real pages with gold in {REAL}", allow_module_level=True)


def test_every_gold_page_has_floors() -> None:
    assert gold_pages() == set(PAGES), "run `python benchmarks/real_pages.py --floors`"


@pytest.mark.parametrize("metric", METRICS)
@pytest.mark.parametrize("page", PAGES)
def test_page_keeps_its_floor(page: str, metric: str) -> None:
    if page not in gold_pages():
        pytest.fail(f"{page} is pinned but has no gold file in {REAL}")
    got = figures()[page].metric(metric)
    bound = DATA["floors"][page][metric]
    if metric in CEILINGS:
        assert got <= bound, f"{page}: {metric} {got:.4f} above its ceiling {bound}"
    else:
        assert got >= bound, f"{page}: {metric} {got:.4f} below its floor {bound}"
