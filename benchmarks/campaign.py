"""Run the bad-input campaign of ../shared/reliability again, on this checkout.

Usage::

    python -m benchmarks.campaign [--work DIR] [--shared DIR] [--generated N] [--summary]

The campaign's scripts (fuzz_pdf, fuzz_text, adversarial_pdf, conserve, conserve_dumps,
concurrency; see ../shared/reliability/README.md) were written for the JSON of
`broadsheet/1`, a list of page objects. The shared folder is read-only, so this copies it
into --work (default: a new temporary folder), makes the few changes below that
`broadsheet/2` needs, and runs its `run_all.sh` with this environment's broadsheet (about
30 minutes on 2 cores):

- a JSON result is one document object with schema `broadsheet/2` and a non-empty `pages`
  list (before: a list of page objects, each with schema `broadsheet/1`);
- the pages are read from the document's `pages`;
- the conservation measure also counts a page's `ads` as output (the issue names them a
  place text may go) and excuses what the page lists under `hidden` (text no reader sees,
  with the reason), which it reports apart.

Nothing else of the campaign changes: its inputs, seeds, 60 s limit and classes are its own.
A change that no longer applies (the shared scripts changed) stops the run with a message.

--generated N also exports N pages per language of each generated typesetter with their
dumps (benchmarks/conservation.py --export; tuning seeds 101 up, so that the campaign's
per-page lists may be read) as the campaign's EXTRA_PAGES, so that its conservation
measure covers the generated benchmark. --summary prints the figures of an
earlier run in --work without running anything.

It prints the campaign's tables (results/summary.md) and then one verdict line per
done-when figure: tracebacks, hangs, exit 0 with empty or invalid output, and pages or
dumps whose output misses a letter or digit of the source.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# (file, text in the shared script, text it becomes): the broadsheet/2 adaptation.
PATCHES: tuple[tuple[str, str, str], ...] = (
    (
        "common.py",
        """        pages = doc if isinstance(doc, list) else [doc]
        if not pages:
            return False, "JSON is an empty list (no page)"
        if not all(isinstance(p, dict) and p.get("schema") == "broadsheet/1" for p in pages):
            return False, "JSON pages without schema"
""",
        """        if not isinstance(doc, dict) or doc.get("schema") != "broadsheet/2":
            return False, "JSON document without schema broadsheet/2"
        pages = doc.get("pages")
        if not isinstance(pages, list) or not pages:
            return False, "JSON document with no page"
""",
    ),
    (
        "common.py",
        "def save(",
        '''def doc_pages(doc):
    """The page objects of a broadsheet/2 document."""
    return list(doc["pages"]) if isinstance(doc, dict) else list(doc)


def save(''',
    ),
    ("conserve.py", "from common import ", "from common import doc_pages, "),
    ("conserve_dumps.py", "from common import ", "from common import doc_pages, "),
    ("adversarial_pdf.py", "from common import ", "from common import doc_pages, "),
    ("conserve.py", "doc if isinstance(doc, list) else [doc]", "doc_pages(doc)"),
    ("conserve_dumps.py", "doc if isinstance(doc, list) else [doc]", "doc_pages(doc)"),
    ("adversarial_pdf.py", "doc if isinstance(doc, list) else [doc]", "doc_pages(doc)"),
    (
        "conserve.py",
        """    out.extend(page.get("furniture", []))
    return out
""",
        """    out.extend(page.get("furniture", []))
    out.extend(page.get("ads", []))
    return out
""",
    ),
    (
        "conserve.py",
        """        missing = src - got - removed
""",
        """        hidden = alnum("".join(h["text"] for h in p.get("hidden", [])))
        missing = src - got - removed - hidden
""",
    ),
    (
        "conserve.py",
        """        figures[number] = {
            "source_chars": sum(src.values()),
            "written": True,""",
        """        figures[number] = {
            "hidden": sum(hidden.values()),
            "hidden_reasons": sorted({h["reason"] for h in p.get("hidden", [])}),
            "source_chars": sum(src.values()),
            "written": True,""",
    ),
    (
        "conserve.py",
        """        for f in page.furniture:
            cover(f.spans())""",
        """        for f in (*page.furniture, *page.ads):
            cover(f.spans())""",
    ),
    (
        "adversarial_pdf.py",
        """        got += alnum("".join(output_strings(p)))
""",
        """        got += alnum("".join(output_strings(p)))
        got += alnum("".join(h["text"] for h in p.get("hidden", [])))
""",
    ),
)


def adapted_copy(shared: Path, work: Path) -> Path:
    """The campaign's scripts under work/shared/reliability, patched; its pages linked."""
    target = work / "shared" / "reliability"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(shared / "reliability", target)
    for path in target.rglob("*"):
        path.chmod(path.stat().st_mode | 0o200)
    pages = work / "shared" / "pages"
    if not pages.exists():
        pages.symlink_to((shared / "pages").resolve())
    for name, old, new in PATCHES:
        script = target / name
        text = script.read_text("utf-8")
        if old not in text:
            raise SystemExit(f"campaign: {name} changed; the broadsheet/2 patch no longer fits")
        script.write_text(text.replace(old, new, 1), "utf-8")
    return target


def _load(results: Path, name: str) -> Any:
    path = results / name
    return json.loads(path.read_text("utf-8")) if path.exists() else None


def verdict(results: Path) -> list[str]:
    """The done-when figures, from the campaign's result files."""
    totals: dict[str, int] = {}
    for name, keys in (
        ("fuzz_pdf.json", ("total",)),
        ("fuzz_text.json", ("named", "random")),
        ("adversarial_pdf.json", ("total",)),
    ):
        data = _load(results, name) or {"summary": {}}
        for key in keys:
            for outcome, n in data["summary"].get(key, {}).items():
                totals[outcome] = totals.get(outcome, 0) + n
    pages = (_load(results, "conserve.json") or {"rows": []})["rows"]
    dumps = (_load(results, "conserve_dumps.json") or {"rows": []})["rows"]
    losing = [f"{r['pdf']} p{r['page']}" for r in pages if r.get("missing", 1)]
    losing += [r["dump"] for r in dumps if r["missing"]]
    return [
        f"inputs tried: {totals.get('tried', 0)}",
        f"tracebacks: {totals.get('traceback', 0)}",
        f"hangs past 60 s: {totals.get('hang', 0)}",
        f"exit 0 with empty or invalid output: {totals.get('bad_output', 0)}",
        f"signal, wrong exit, messy stderr: "
        f"{sum(totals.get(k, 0) for k in ('signal', 'wrong_exit', 'messy_stderr'))}",
        f"pages and dumps whose output misses source letters: {len(losing)} of "
        f"{len(pages) + len(dumps)} {' '.join(losing[:10])}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a new temp one)")
    parser.add_argument("--shared", type=Path, default=SHARED, help=f"default {SHARED}")
    parser.add_argument("--generated", type=int, default=0, metavar="N")
    parser.add_argument("--summary", action="store_true", help="print an earlier run's figures")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="broadsheet-campaign-"))
    results = work / "shared" / "reliability" / "results"
    if not args.summary:
        if not (args.shared / "reliability" / "run_all.sh").exists():
            print(f"campaign: no campaign in {args.shared}/reliability", file=sys.stderr)
            return 1
        scripts = adapted_copy(args.shared, work)
        extra = work / "extra-pages"
        if args.generated:
            from benchmarks import conservation

            conservation.main(
                ["--pages", str(args.generated), "--first-seed", "101", "--export", str(extra)]
            )
        env = {**os.environ, "BROADSHEET_VENV": sys.prefix, "BROADSHEET_MAIN": str(ROOT),
               "RELIABILITY_WORK": str(work / "scratch"), "EXTRA_PAGES": str(extra)}  # fmt: skip
        subprocess.run(["bash", str(scripts / "run_all.sh")], env=env, check=False)
    summary = results / "summary.md"
    if summary.exists():
        print(summary.read_text("utf-8"))
    print("\n".join(verdict(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
