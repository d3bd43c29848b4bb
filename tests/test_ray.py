"""The Ray Data path on a local Ray: a folder of pages in, page records out that equal the
CLI's JSON lines, a broken file as a failure record, and the Parquet tables of export/arrow.

The globs are checked without Ray (pyarrow only); the rest needs Ray Data and starts one
local Ray (two CPUs, no dashboard) for the module, shut down at its end.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from broadsheet import ray as bray
from broadsheet.cli import main as cli_main
from broadsheet.errors import BroadsheetError
from broadsheet.export import arrow

pytest.importorskip("pyarrow", reason="pyarrow is not installed (broadsheet[arrow])")
import pyarrow.fs as pafs
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ("generated-de-0001.pdf", "taz-seed.txt")
BROKEN = "broken.pdf"
# In the folder too, and no input: a folder gives only its (visible) PDFs and .txt dumps.
NOT_INPUTS = ("README.md", ".hidden.txt")
needs_ray = pytest.mark.skipif(
    importlib.util.find_spec("ray") is None,
    reason="Ray Data is not installed (pip install 'broadsheet[ray]')",
)

# Ray Data's own DataContext warns of its deprecated settings whenever it is made.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.data.context")

Records = list[dict[str, Any]]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two sample pages, a file that claims to be a PDF and is not, and two files that are
    no input."""
    here = tmp_path_factory.mktemp("pages")
    for name in SAMPLES:
        shutil.copy(ROOT / "samples" / name, here / name)
    (here / BROKEN).write_bytes(b"%PDF-1.7\nnot a PDF after all\n")
    for name in NOT_INPUTS:
        shutil.copy(ROOT / "samples" / "taz-seed.txt", here / name)
    return here


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray = bray.ray_module()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        yield
    finally:
        ray.shutdown()


def cli_records(folder: Path, tmp_path: Path) -> Records:
    """What `broadsheet FILE -f jsonl` makes of each input, as records: its lines, or the
    message of its one-line error."""
    found: Records = []
    for path in (folder / name for name in (*SAMPLES, BROKEN)):
        out = tmp_path / (path.name + ".jsonl")
        err = tmp_path / (path.name + ".err")
        with err.open("w") as stderr, pytest.MonkeyPatch.context() as patch:
            patch.setattr(sys, "stderr", stderr)
            code = cli_main([str(path), "-f", "jsonl", "-o", str(out)])
        if code:
            message = err.read_text().strip().removeprefix("broadsheet: error: ")
            found.append({"path": str(path), "page": None, "json": None, "error": message})
            continue
        for line in out.read_text().splitlines():
            page = json.loads(line)["page"]
            found.append({"path": str(path), "page": page, "json": line, "error": None})
    return found


def in_order(records: Records) -> Records:
    return sorted(records, key=lambda r: (r["path"], r["page"] or 0))


@needs_ray
def test_import_ray_inside_the_module_is_the_real_package() -> None:
    ray = bray.ray_module()
    assert ray is sys.modules["ray"] and ray is not bray
    assert hasattr(ray.data, "read_binary_files")


@needs_ray
def test_records_equal_the_cli_and_a_broken_file_is_a_record(
    local_ray: None, folder: Path, tmp_path: Path
) -> None:
    records = in_order(bray.pages_dataset([str(folder)]).take_all())
    expected = in_order(cli_records(folder, tmp_path))
    assert records == expected
    failed = [r for r in records if r["error"]]
    assert [Path(r["path"]).name for r in failed] == [BROKEN]
    assert len(records) == 3  # one page each, the broken file's failure among them


@needs_ray
def test_parquet_output_is_the_arrow_tables(local_ray: None, folder: Path, tmp_path: Path) -> None:
    globs = [str(folder / "*.pdf"), str(folder / "t*.txt")]
    summary = bray.convert_to(globs, str(tmp_path / "out"), "parquet")
    assert (summary.pages, summary.failures) == (2, 1)
    pages = [
        (r["path"], json.loads(r["json"])) for r in in_order(cli_records(folder, tmp_path))
        if r["json"]
    ]  # fmt: skip
    keys = [("document_id", "ascending"), ("page", "ascending"), ("item_id", "ascending")]
    items = pq.read_table(tmp_path / "out" / arrow.ITEMS_DIR)
    assert items.schema.metadata[arrow.SCHEMA_KEY] == b"broadsheet-items/2"
    assert items.sort_by(keys).equals(arrow.items_table(pages).sort_by(keys))
    written = pq.read_table(tmp_path / "out" / arrow.PAGES_DIR).sort_by(keys[:2])
    assert written.equals(arrow.pages_table(pages))
    failures = pq.read_table(tmp_path / "out" / bray.FAILURES_DIR).to_pylist()
    assert [Path(f["document_id"]).name for f in failures] == [BROKEN]


@needs_ray
def test_the_command_writes_jsonl_records(
    local_ray: None, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = [str(folder / name) for name in (*SAMPLES, BROKEN)]
    code = bray.main([*inputs, "-o", str(tmp_path / "out"), "-f", "jsonl"])
    assert code == 1  # the broken file failed
    assert "2 pages written" in capsys.readouterr().err
    lines = [line for f in (tmp_path / "out").glob("*.json") for line in f.read_text().splitlines()]
    assert in_order([json.loads(line) for line in lines]) == in_order(cli_records(folder, tmp_path))


def test_help_runs_without_starting_ray() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "broadsheet.ray", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "python -m broadsheet.ray" in done.stdout and "--address" in done.stdout


def test_local_inputs_folders_globs_and_missing_paths(folder: Path) -> None:
    found = bray.find_inputs([str(folder), str(folder / "*.md")])
    names = [*sorted((BROKEN, *SAMPLES)), "README.md"]
    assert found == bray.Inputs([str(folder / name) for name in names], None)
    with pytest.raises(BroadsheetError, match=r"no PDF or \.txt file found there"):
        bray.find_inputs([str(folder / "*.docx")])
    with pytest.raises(BroadsheetError, match="no such file"):
        bray.find_inputs([str(folder / "absent.pdf")])


def test_globs_on_a_pyarrow_filesystem(folder: Path) -> None:
    """The path a URI or an explicit filesystem takes (S3 alike), on the local one."""
    (folder / "sub").mkdir(exist_ok=True)
    shutil.copy(folder / "taz-seed.txt", folder / "sub" / "deep.txt")
    try:
        found = bray.find_inputs([f"file://{folder}/**/[!.]*.txt"])
        assert found.files == [f"{folder}/sub/deep.txt", f"{folder}/taz-seed.txt"]
        assert isinstance(found.filesystem, pafs.LocalFileSystem)
        found = bray.find_inputs([f"{folder}/*.pdf"], pafs.LocalFileSystem())
        assert found.files == [f"{folder}/{BROKEN}", f"{folder}/{SAMPLES[0]}"]
        with pytest.raises(BroadsheetError, match="different filesystems"):
            bray.find_inputs([str(folder), f"file://{folder}"])
    finally:
        shutil.rmtree(folder / "sub")
