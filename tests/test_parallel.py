"""Writing on several processes: failures and clashes in a child reach the parent as they are."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest

from generator.output.parallel import write_parts
from generator.inputs.diagnostics import InputError, Location
from generator.output.write import OutputClash, SiteWriter

from .helpers import sample_manifest


def _write(writer: SiteWriter, item: str) -> None:
    if item.startswith("bad"):
        raise InputError(Location(f"kode/{item}/"), "link to kode/NOWHERE/ has no page")
    writer.write(f"{item}/index.html", f"<p>{item}</p>\n")


def test_every_item_is_written_once_and_claimed(tmp_path: Path) -> None:
    writer = SiteWriter(tmp_path)
    items = [f"page{i}" for i in range(9)]
    write_parts(items, _write, writer, workers=2)
    assert writer.written == frozenset(f"{i}/index.html" for i in items)
    assert sorted(p.parent.name for p in tmp_path.rglob("index.html")) == sorted(items)


def _fails_in_a_child(writer: SiteWriter, item: str) -> None:
    """Any item fails in a forked process; the parent writes its items slowly, so the child takes some."""
    if multiprocessing.parent_process() is not None:
        raise InputError(Location(f"kode/{item}/"), "link to kode/NOWHERE/ has no page")
    time.sleep(0.2)
    _write(writer, item)


def test_an_input_error_in_a_child_keeps_its_type_and_message(tmp_path: Path) -> None:
    items = ["page0", "page1", "page2", "page3"]
    with pytest.raises(InputError) as caught:
        write_parts(items, _fails_in_a_child, SiteWriter(tmp_path), workers=2)
    item = caught.value.where.file.split("/")[1]
    assert item in items
    assert str(caught.value) == f"kode/{item}/: link to kode/NOWHERE/ has no page"


def test_every_item_is_taken_once_by_the_next_free_process(tmp_path: Path) -> None:
    """A slow parent takes few items: the child, free sooner, takes the rest, and nothing twice."""
    writer = SiteWriter(tmp_path)
    items = [f"page{i}" for i in range(40)]
    write_parts(items, _slow_parent, writer, workers=2)
    assert writer.written == frozenset(f"{i}/index.html" for i in items)
    by_parent = [p.parent.name for p in tmp_path.rglob("index.html") if p.read_text(encoding="utf-8").endswith("parent\n")]
    assert 1 <= len(by_parent) < 20


def _slow_parent(writer: SiteWriter, item: str) -> None:
    if multiprocessing.parent_process() is None:
        time.sleep(0.1)
        writer.write(f"{item}/index.html", f"<p>{item}</p>parent\n")
    else:
        time.sleep(0.01)
        writer.write(f"{item}/index.html", f"<p>{item}</p>\n")


def test_two_processes_writing_one_path_clash(tmp_path: Path) -> None:
    items = ["same", "same"]  # one in the parent, one in the child
    with pytest.raises(OutputClash):
        write_parts(items, _write, SiteWriter(tmp_path), workers=2)


def test_a_file_already_in_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "page0").mkdir()
    (tmp_path / "page0" / "index.html").write_text("mkdocs wrote this", encoding="utf-8")
    with pytest.raises(OutputClash, match="page0/index.html"):
        SiteWriter(tmp_path).write("page0/index.html", "<p>again</p>\n")
    assert (tmp_path / "page0" / "index.html").read_text(encoding="utf-8") == "mkdocs wrote this"


def test_a_code_page_with_a_link_to_no_page_is_refused_as_it_is_made(tmp_path: Path) -> None:
    """Code pages are link-checked where they are made: a link to no page stops the build there."""
    from generator.build import prepare
    from generator.output.registry import OUTPUTS, Tools, write_unit
    from generator.output.render import Renderer

    root = Path(__file__).resolve().parents[1]
    project = prepare(sample_manifest())
    code = project.codes.codes[0]
    page = project.codes.page(code)
    missing = page.breadcrumbs[0].target  # the code system's page
    planned = project.planned - {missing}

    class Bare:
        def wrap(self, url: str, title: str, body: str) -> str:
            return body

    tools = Tools(project, Renderer(root / "templates"), Bare(), planned=planned)
    with pytest.raises(InputError, match=f"link to {missing} has no page") as caught:
        write_unit(tools, SiteWriter(tmp_path), (next(o for o in OUTPUTS if o.name == "code"), code))
    assert caught.value.where == Location(page.url)
    assert not any(tmp_path.iterdir())


def _die(writer: SiteWriter, item: str) -> None:
    """A forked process dies on any item it takes; the parent is slow, so that the child takes one."""
    if multiprocessing.parent_process() is not None:
        os._exit(3)
    time.sleep(0.2)
    _write(writer, item)


def test_a_child_that_dies_without_a_word_fails_the_parent(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="exit code 3"):
        write_parts(["page0", "page1", "page2"], _die, SiteWriter(tmp_path), workers=2)
