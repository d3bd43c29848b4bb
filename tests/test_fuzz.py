"""The CI fuzzer: a few hundred seeded mutants of the sample PDF and dumps, each run in a
child process by `benchmarks/fuzz.py`, must give no traceback, no death by signal, no hang,
only one-line errors, documented exit codes, valid JSON on success and conserved text.
The judge itself is shown each kind of failure, so the run above cannot pass blindly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks import fuzz

# Mutants a CI run tries (about a minute on 2 cores); `python -m benchmarks.fuzz` runs more.
CI_MUTANTS = 300
CI_SEED = 16


def test_ci_mutants_give_no_bad_outcome() -> None:
    reports = fuzz.campaign(fuzz.BASES, CI_MUTANTS, CI_SEED, jobs=2, timeout=fuzz.TIMEOUT_S)
    bad = [r for r in reports if r["outcome"] in fuzz.BAD_OUTCOMES]
    assert not bad, "\n".join(f"{r['name']}: {r['outcome']}: {r['detail']}" for r in bad[:10])
    outcomes = {r["outcome"] for r in reports}
    assert len(reports) == CI_MUTANTS and outcomes <= {"ok", "error"} and "ok" in outcomes


def test_mutants_are_the_same_for_the_same_seed() -> None:
    first = list(fuzz.mutants(fuzz.BASES, 20, 7))
    assert first == list(fuzz.mutants(fuzz.BASES, 20, 7))
    assert first != list(fuzz.mutants(fuzz.BASES, 20, 8))
    assert {name.split("-")[-1].split(".")[0] for name, _ in first} >= {"truncate", "flip"}


@pytest.mark.parametrize(
    "code, out, err, outcome",
    [
        (0, "{}", "", "ok"),
        (1, "", "broadsheet: error: x: no text\n", "error"),
        (1, "", "Traceback (most recent call last):\n  boom\n", "stderr"),
        (2, "", "broadsheet: error: bad usage\n", "bad-exit"),
        (0, '{"cut', "", "bad-json"),
        (0, "", "", "bad-exit"),
    ],
)
def test_the_judge_tells_each_outcome(
    code: int, out: str, err: str, outcome: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fuzz, "_conserved", lambda path: {"outcome": "ok", "detail": ""})
    assert fuzz._judge("x", code, out, err)["outcome"] == outcome


def test_an_exception_escaping_main_is_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import broadsheet.cli

    def broken(argv: list[str]) -> int:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(broadsheet.cli, "main", broken)
    report = fuzz.child(str(tmp_path / "any.txt"))
    assert report["outcome"] == "traceback" and "ZeroDivisionError" in str(report["detail"])
    assert json.dumps(report)
