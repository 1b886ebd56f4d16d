"""The contract between page contexts and templates.

Every page context type (a class of generator/ that names its `template`) is rendered with the contexts of the
whole sample (every code, browse, book and change page and every marker's
part), each context wrapped so that every attribute a template reads is
recorded. The test fails on a field a template uses that the context lacks
(StrictUndefined raises), on a field of a context type that nothing uses, and
on a page context field without its line of help.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import pkgutil

import pytest

import generator
from generator.build import prepare
from generator.output.render import Renderer
from generator.output.sitemap import sitemap_files
from generator.pages.feed import changes_feed
from generator.pages.fields import help_of
from generator.pages.markers import MARKERS
from generator.urls import DEADLINES_PAGE

from .helpers import REAL_MANIFEST, ROOT, sample_manifest

# Fields the build reads rather than a template: the page's address and title (the theme's
# chrome, the sitemap, mkdocs' nav), a generated page's mkdocs source, a link's target (link checking).
BUILD_FIELDS = {"url", "title", "source", "target"}


@functools.cache
def context_types() -> dict[type, str]:
    """Every page context type of generator/ (a dataclass naming its template) and that template."""
    found = {}
    for module in pkgutil.walk_packages(generator.__path__, "generator."):
        for value in vars(importlib.import_module(module.name)).values():
            if dataclasses.is_dataclass(value) and isinstance(value, type) and "template" in vars(value):
                found[value] = value.template
    return found


class Tracked:
    """A context object that records every attribute read from it."""

    __slots__ = ("_obj", "_used")

    def __init__(self, obj: object, used: set) -> None:
        object.__setattr__(self, "_obj", obj)
        object.__setattr__(self, "_used", used)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        prop = getattr(type(self._obj), name, None)
        # a property reads its fields through the proxy, so that they count as used
        value = prop.fget(self) if isinstance(prop, property) else getattr(self._obj, name)
        self._used.add((type(self._obj), name))
        return wrap(value, self._used)


class TrackedSeq:
    """A tuple of a context whose items are tracked."""

    def __init__(self, items, used: set) -> None:
        self._items, self._used = items, used

    def __iter__(self):
        return (wrap(item, self._used) for item in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index):
        return wrap(self._items[index], self._used)

    def __reversed__(self):
        return (wrap(item, self._used) for item in reversed(self._items))


def wrap(value, used: set):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return Tracked(value, used)
    if isinstance(value, (tuple, list)):
        return TrackedSeq(value, used)
    return value


def _types(value, found: set[type]) -> None:
    """Every dataclass type reachable from a context."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if type(value) in found:
            return
        found.add(type(value))
        for field in dataclasses.fields(value):
            _types(getattr(value, field.name), found)
    elif isinstance(value, (tuple, list)):
        for item in value:
            _types(item, found)


@functools.cache
def contexts(manifest=None) -> tuple:
    """The context of every page and page part of the sample (or of another manifest's lists)."""
    project = prepare(manifest or sample_manifest())
    pages = [*project.codes, *project.nodes, *project.books, *project.changes, *project.systems, project.overview]
    pages += [changes_feed(project.releases, None), changes_feed(project.releases, "https://example.org/nkpk/")]
    pages += sitemap_files("https://example.org/nkpk/", ["", "kode/A/"]).values()
    for url in ("", DEADLINES_PAGE):
        pages += [make(url, project) for make in MARKERS.values()]
    return tuple(p for p in pages if p is not None)


@pytest.fixture(scope="module")
def rendered() -> tuple[set, set[type]]:
    """(attributes read by the templates, dataclass types reachable from the contexts)."""
    renderer = Renderer(ROOT / "templates")
    used: set = set()
    found: set[type] = set()
    for context in contexts() + contexts(REAL_MANIFEST):  # the real lists have what the sample lacks
        template = renderer.env.get_template(type(context).template)
        assert template.render(page=wrap(context, used)) == renderer.render(context)
        _types(context, found)
    return used, found


def test_every_template_is_rendered() -> None:
    assert len(context_types()) >= 17  # the walk finds them: code, node, book, ... pages and the marker parts
    assert set(context_types()) <= {type(c) for c in contexts()}


def test_every_page_template_is_named_by_one_context_type() -> None:
    names = list(context_types().values())
    files = {p.name for p in (ROOT / "templates" / "nkpk").iterdir() if not p.name.startswith("_")}
    assert sorted(names) == sorted(files)


@pytest.mark.real
def test_every_field_is_used_by_a_template_or_the_build(rendered) -> None:
    used, found = rendered
    unused = sorted(
        f"{kind.__name__}.{field.name}"
        for kind in found
        for field in dataclasses.fields(kind)
        if (kind, field.name) not in used and field.name not in BUILD_FIELDS
    )
    assert unused == [], unused


def test_a_field_a_template_uses_must_exist(tmp_path) -> None:
    (tmp_path / "nkpk").mkdir()
    for name in {"_noteline.html", "_segments.html", "_crumbs.html", "_codes.html", "_nodes.html", "_moves.html",
                 "_details.html", "_notes.html"}:
        (tmp_path / "nkpk" / name).write_text((ROOT / "templates" / "nkpk" / name).read_text(encoding="utf-8"))
    for name in context_types().values():
        (tmp_path / "nkpk" / name).write_text("{{ page.no_such_field }}", encoding="utf-8")
    renderer = Renderer(tmp_path)
    context = next(c for c in contexts() if type(c).__name__ == "CodePage")
    with pytest.raises(Exception, match="no_such_field"):
        renderer.render(context)


def test_every_page_context_field_has_help() -> None:
    missing = [f"{kind.__name__}.{name}" for kind in context_types() for name, text in help_of(kind).items() if not text]
    assert missing == []
