"""Batches: folders and lists of inputs, one output each, resumable, in workers (batch.py)."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from broadsheet import batch
from broadsheet.cli import main
from broadsheet.convert import Request

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "taz-seed.txt"
PDF = ROOT / "samples" / "generated-de-0001.pdf"


def inputs(tmp_path: Path) -> Path:
    """A folder with a dump, a PDF one level down, a broken PDF and something else."""
    folder = tmp_path / "in"
    (folder / "2024").mkdir(parents=True)
    shutil.copy(SEED, folder / "seed.txt")
    shutil.copy(PDF, folder / "2024" / "page.pdf")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 cut off here")
    (folder / "notes.odt").write_bytes(b"not an input")  # a folder's other files are left
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    return folder


def single(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    """What `broadsheet PATH` writes to stdout."""
    main([str(path), *extra])
    return capsys.readouterr().out


def test_a_folder_gives_one_output_per_input_like_single_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, out = inputs(tmp_path), tmp_path / "out"
    code = main([str(folder), "-o", str(out), "-j", "1"])
    err = capsys.readouterr().err
    assert code == 1  # the broken PDF failed; the rest are written
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["2024/page.pdf.json", "broadsheet-failures.tsv", "seed.txt.json"]
    for name in ("seed.txt", "2024/page.pdf"):
        expected = single(folder / name, capsys)
        assert (out / f"{name}.json").read_text(encoding="utf-8") == expected
    failures = (out / batch.FAILURES_NAME).read_text(encoding="utf-8").splitlines()
    assert failures[0] == "input\treason"
    assert len(failures) == 2 and failures[1].startswith(f"{folder / 'broken.pdf'}\t")
    assert "damaged" in failures[1] and failures[1].count(str(folder / "broken.pdf")) == 1
    assert f"error: {folder / 'broken.pdf'}: " in err
    assert "2 written (2 pages), 0 done before, 1 failed" in err


def test_a_second_run_skips_what_is_done_and_force_redoes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, out = inputs(tmp_path), tmp_path / "out"
    (folder / "broken.pdf").unlink()
    assert main([str(folder), "-o", str(out), "-f", "markdown"]) == 0
    done = out / "seed.txt.md"
    done.write_text("left alone", encoding="utf-8")
    assert main([str(folder), "-o", str(out), "-f", "markdown"]) == 0
    assert "0 written (0 pages), 2 done before" in capsys.readouterr().err
    assert done.read_text(encoding="utf-8") == "left alone"
    assert main([str(folder), "-o", str(out), "-f", "markdown", "--force"]) == 0
    assert done.read_text(encoding="utf-8").startswith("#")
    assert not (out / batch.FAILURES_NAME).exists()


def test_a_fixed_input_is_retried_and_the_failures_list_goes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, out = inputs(tmp_path), tmp_path / "out"
    assert main([str(folder), "-o", str(out)]) == 1
    assert (out / batch.FAILURES_NAME).exists()
    shutil.copy(PDF, folder / "broken.pdf")  # mended
    assert main([str(folder), "-o", str(out)]) == 0
    assert (out / "broken.pdf.json").exists() and not (out / batch.FAILURES_NAME).exists()
    assert "1 written (1 pages), 2 done before, 0 failed" in capsys.readouterr().err


def test_two_workers_write_what_one_writes(tmp_path: Path) -> None:
    folder = inputs(tmp_path)
    assert main([str(folder), "-o", str(tmp_path / "one"), "-j", "1", "-f", "jsonl"]) == 1
    assert main([str(folder), "-o", str(tmp_path / "two"), "-j", "2", "-f", "jsonl"]) == 1
    for name in ("seed.txt.jsonl", "2024/page.pdf.jsonl", batch.FAILURES_NAME):
        one = (tmp_path / "one" / name).read_text(encoding="utf-8")
        assert one == (tmp_path / "two" / name).read_text(encoding="utf-8")


def test_files_named_and_listed_on_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, out = inputs(tmp_path), tmp_path / "out"
    listing = f"{folder / 'seed.txt'}\n\n{folder / '2024' / 'page.pdf'}\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(listing))
    assert main(["--files-from", "-", "-o", str(out), "-f", "text"]) == 0
    # Listed files keep their own names: no folder was given to keep a path below.
    assert sorted(p.name for p in out.iterdir()) == ["page.pdf.txt", "seed.txt.txt"]
    assert main([str(folder / "seed.txt"), str(tmp_path / "gone.pdf"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"error: {tmp_path / 'gone.pdf'}: no such file or folder" in err


def test_the_output_folder_inside_the_input_folder_is_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = inputs(tmp_path)
    (folder / "broken.pdf").unlink()
    out = folder / "out"
    assert main([str(folder), "-o", str(out), "-f", "text"]) == 0
    assert main([str(folder), "-o", str(out), "-f", "text"]) == 0  # out/*.txt are no inputs
    assert "0 written (0 pages), 2 done before, 0 failed" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["{seed}", "{pdf}"], "need -o OUTDIR"),
        (["{seed}", "-", "-o", "{out}"], "- (stdin) is one input"),
        (["{seed}", "{pdf}", "-o", "{seed}"], "is a file"),
        (["{seed}", "{other}", "-o", "{out}"], "would both be written to"),
        (["{seed}", "-o", "{out}", "-j", "0"], "not a number of workers"),
    ],
)
def test_batch_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    other = tmp_path / "b" / "taz-seed.txt"  # the same name as the seed, elsewhere
    other.parent.mkdir()
    shutil.copy(SEED, other)
    (tmp_path / "out").mkdir()
    names = {"seed": SEED, "pdf": PDF, "out": tmp_path / "out", "other": other}
    args = [a.format(**{k: str(v) for k, v in names.items()}) for a in argv]
    try:
        code = main(args)
    except SystemExit as exc:  # argparse's own usage errors
        code = int(str(exc.code))
    err = capsys.readouterr().err
    assert code == 2 and words in err
    assert "Traceback" not in err


def test_an_interrupted_write_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    target = tmp_path / "out" / "seed.txt.json"
    task = batch.Task(SEED, target)
    with pytest.raises(KeyboardInterrupt):
        batch.run_task(task, Request())
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_leaves_complete_outputs_and_a_rerun_finishes(tmp_path: Path) -> None:
    folder, out = tmp_path / "many", tmp_path / "out"
    folder.mkdir()
    for k in range(120):
        shutil.copy(PDF, folder / f"p{k:03d}.pdf")
    argv = [sys.executable, "-m", "broadsheet.cli", str(folder), "-o", str(out), "-j", "2"]
    run = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while not (out.is_dir() and any(out.glob("*.json"))) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _, err = run.communicate(timeout=120)
    assert run.returncode in (0, 130), err  # 0: it was done before the signal came
    assert "Traceback" not in err
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary file
    for p in out.glob("*.json"):
        assert json.loads(p.read_text(encoding="utf-8"))["pages"][0]["items"]
    again = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert len(list(out.glob("*.json"))) == 120


@pytest.mark.skipif(
    "fork" not in __import__("multiprocessing").get_all_start_methods(),
    reason="the stand-in crash reaches the workers by fork",
)
def test_a_worker_that_dies_costs_only_its_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "crash", "d", "e"):
        shutil.copy(SEED, folder / f"{name}.txt")
    real = batch.convert

    def crashing(data: bytes, name: str, *args: object) -> object:
        if "crash" in name:
            os._exit(3)  # as a segfault in a native library would end the worker
        return real(data, name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "convert", crashing)
    seen: list[batch.Outcome] = []
    tasks = batch.plan(
        batch.gather([str(folder)], tmp_path / "out")[0], tmp_path / "out", "text", False
    )
    assert batch.run_batch(tasks, Request(format="text"), 2, seen.append)
    failed = [o for o in seen if o.error]
    assert [Path(o.source).name for o in failed] == ["crash.txt"]
    assert failed[0].error == batch.WORKER_DIED
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        f"{n}.txt.txt" for n in ("a", "b", "d", "e")
    ]
