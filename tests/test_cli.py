"""The command line: formats, stdin/stdout, multi-page input and every kind of bad input."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from broadsheet.cli import build_parser, main
from broadsheet.load.text import MAX_PAGE_CHARS

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "taz-seed.txt"

PAGE = (
    "Neue Brücke eröffnet\n\n"
    "Von Anna Beispiel\n\n"
    "Die neue Brücke über den Fluss ist seit gestern für den Ver-\n"
    "kehr freigegeben. Der Bürgermeister sprach von einem gro-\n"
    "ßen Tag für die Stadt und dankte allen Beteiligten.\n"
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str) -> None:
    assert err.startswith("broadsheet: error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_json_on_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "page.txt"
    f.write_text(PAGE, encoding="utf-8")
    code, out, _ = run([str(f)], capsys)
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "broadsheet/2" and doc["document"]["source"] == str(f)
    article = doc["pages"][0]["items"][0]
    assert article["headline"] == "Neue Brücke eröffnet"
    assert article["authors"] == ["Anna Beispiel"]
    assert "Verkehr freigegeben" in article["paragraphs"][0]
    assert "großen Tag" in article["paragraphs"][0]


def test_stdin_and_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    out_file = tmp_path / "out.md"
    code, out, _ = run(["-", "-f", "markdown", "-o", str(out_file)], capsys)
    assert code == 0 and out == ""
    assert out_file.read_text(encoding="utf-8").startswith("## Neue Brücke eröffnet")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "markdown", "text"])
def test_every_format_on_the_seed(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([str(SEED), "-f", fmt], capsys)
    assert code == 0, err
    assert "Unterstützer:innen" in out


def test_form_feeds_make_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "two.txt"
    f.write_text(PAGE + "\f" + PAGE.replace("Brücke", "Straße"), encoding="utf-8")
    code, out, _ = run([str(f)], capsys)
    pages = json.loads(out)["pages"]
    assert code == 0 and [p["page"] for p in pages] == [1, 2]
    code, out, _ = run([str(f), "-f", "jsonl"], capsys)
    lines = out.splitlines()
    assert (
        len(lines) == 2 and json.loads(lines[1])["items"][0]["headline"] == "Neue Straße eröffnet"
    )


def test_explain_lists_repairs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([str(SEED), "--explain"], capsys)
    assert code == 0
    assert "hyphen.join" in err and "glyph." in err
    assert json.loads(out)["pages"][0]["repairs"]


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"   \n\n  \n", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x10" * 500, "binary"),
    ],
)
def test_bad_input_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    code, out, err = run([str(f)], capsys)
    assert code == 1 and out == ""
    assert_one_line_error(err)
    assert words in err


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([str(tmp_path / "nope.txt")], capsys)
    assert code == 1 and "no such file" in err
    assert_one_line_error(err)
    code, _, err = run([str(tmp_path)], capsys)  # a folder is a batch: it needs -o
    assert code == 2 and "folder" in err and "-o OUTDIR" in err
    assert_one_line_error(err)


def test_latin1_file_is_read_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "latin1.txt"
    f.write_bytes(PAGE.encode("cp1252"))
    code, out, err = run([str(f)], capsys)
    assert code == 0
    assert "cp1252" in err
    doc = json.loads(out)
    assert doc["pages"][0]["items"][0]["headline"] == "Neue Brücke eröffnet"
    assert doc["document"]["encoding"] == "cp1252"


def test_huge_single_line_finishes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A page of one line as long as a page may be is laid out whole (a longer page is
    refused: tests/test_reliability_text.py)."""
    f = tmp_path / "long.txt"
    sentence = "Der Rat hat am Montag lange über den neuen Haushalt beraten. "
    f.write_text(sentence * (MAX_PAGE_CHARS // len(sentence)), encoding="utf-8")
    code, out, err = run([str(f), "-f", "text"], capsys)
    assert code == 0, err
    assert out.count("Haushalt") == MAX_PAGE_CHARS // len(sentence)


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2  # no input at all
    assert "give a PDF or a text dump" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main([str(SEED), "-f", "yaml"])
    assert exc.value.code == 2


def test_every_option_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for action in build_parser()._actions:
        for flag in action.option_strings:
            if flag.startswith("--"):
                assert re.search(re.escape(flag) + r"\b", readme), f"{flag} not in README"


def test_jsonl_streams_the_same_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from broadsheet.export.json import document_jsonl
    from broadsheet.pipeline import parse

    f = tmp_path / "three.txt"
    f.write_text("\f".join([PAGE, SEED.read_text(encoding="utf-8"), PAGE]), encoding="utf-8")
    code, out, _ = run([str(f), "-f", "jsonl"], capsys)
    assert code == 0
    assert out == document_jsonl(parse(f))


def test_help_names_the_batch_and_eval_forms() -> None:
    text = build_parser().format_help()
    for form in ("broadsheet eval GOLD PRED", "broadsheet PATH... -o OUTDIR", "--files-from"):
        assert form in text


FRENCH = (
    "Le conseil municipal a voté mardi soir un budget en baisse pour la deuxième année. "
    "Les élus de l'opposition ont dénoncé des coupes dans les bibliothèques et les "
    "piscines, tandis que la maire a défendu une gestion prudente des finances de la ville."
    "\n\n"
) * 3


def test_a_page_in_neither_language_gets_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "fr.txt"
    f.write_text(FRENCH, encoding="utf-8")
    code, out, err = run([str(f)], capsys)
    assert code == 0 and "neither German nor English" in err
    assert "neither German nor English" in json.loads(out)["pages"][0]["warnings"][0]
    code, out, err = run([str(f), "--lang", "en"], capsys)  # the user said so: no note
    assert code == 0 and "neither" not in err
    code, out, err = run([str(SEED)], capsys)
    assert "neither" not in err
