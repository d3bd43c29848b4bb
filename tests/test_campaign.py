"""benchmarks/campaign.py: the shared bad-input campaign, adapted to `broadsheet/2`, judges
this checkout's output as the campaign meant to (a whole document with pages is a result;
no page, or the old list of pages, is not), and its verdict reads the campaign's results."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from benchmarks.campaign import SHARED, adapted_copy, verdict

from broadsheet.cli import main

ROOT = Path(__file__).parents[1]
needs_campaign = pytest.mark.skipif(
    not (SHARED / "reliability" / "run_all.sh").exists(), reason="no ../shared/reliability"
)


def _common(scripts: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("campaign_common", scripts / "common.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["campaign_common"] = module
    spec.loader.exec_module(module)
    return module


@needs_campaign
def test_the_patches_fit_and_the_adapted_check_judges_broadsheet_2(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    scripts = adapted_copy(SHARED, tmp_path)
    common = _common(scripts)
    assert main([str(ROOT / "samples" / "taz-seed.txt")]) == 0
    out = capsysbinary.readouterr().out
    assert common.classify(0, out, "", "json") == ("success", "")
    empty = json.dumps({"schema": "broadsheet/2", "pages": []}).encode()
    assert common.classify(0, empty, "", "json")[0] == "bad_output"
    old = json.dumps([{"schema": "broadsheet/1", "page": 1, "items": []}]).encode()
    assert common.classify(0, old, "", "json")[0] == "bad_output"
    assert common.classify(0, b"", "", "json")[0] == "bad_output"
    for name in ("conserve.py", "conserve_dumps.py", "adversarial_pdf.py"):
        assert "doc_pages(doc)" in (scripts / name).read_text("utf-8")


def test_the_verdict_counts_what_the_campaign_found(tmp_path: Path) -> None:
    def put(name: str, data: object) -> None:
        (tmp_path / name).write_text(json.dumps(data), "utf-8")

    put("fuzz_pdf.json", {"summary": {"total": {"tried": 5, "traceback": 1, "success": 4}}})
    put("fuzz_text.json", {"summary": {"named": {"tried": 2, "hang": 1}, "random": {"tried": 3}}})
    put("conserve.json", {"rows": [{"pdf": "a.pdf", "page": 1, "missing": 0},
                                   {"pdf": "a.pdf", "page": 2, "missing": 3}]})  # fmt: skip
    put("conserve_dumps.json", {"rows": [{"dump": "x/dump.txt", "missing": 0}]})
    lines = verdict(tmp_path)
    assert "inputs tried: 10" in lines
    assert "tracebacks: 1" in lines
    assert "hangs past 60 s: 1" in lines
    assert lines[-1].startswith("pages and dumps whose output misses source letters: 1 of 3")
    assert "a.pdf p2" in lines[-1]
