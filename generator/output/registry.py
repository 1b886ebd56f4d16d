"""Every output of the build in one table: the addresses each writes and how it renders them.

An `Output` names its subjects (one unit of work each: a code, a browse page,
the report), the addresses one subject writes, and a function that renders
them. Link checking (`planned`), the sitemap (`page_addresses`), the pages
handed to mkdocs (`mkdocs_pages`) and writing (`write_outputs`) all read
`OUTPUTS`, so nothing is written that was not planned and checked: writing
refuses an address its output did not declare, and one it declared but did
not render.

An address is site-relative: a page's directory URL (`kode/JKA21/`, written
as `kode/JKA21/index.html`) or a file's path (`api/kode/JKA21.json`).

To add an output file, add one `Output` to `OUTPUTS` (its paths come from
`urls.py`); content modules give back text or bytes and never see the writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Iterable, Iterator, Sequence

from .. import urls
from ..inputs.diagnostics import InputError, Location
from ..jsonfile import compact_json, indented_json
from ..pages.feed import changes_feed
from ..pages.checker import checker_json
from ..opendata.downloads import download_bytes
from ..pages.browser_labels import labels_script
from ..pages.ical import calendar
from ..pages.markers import fill_markers
from .parallel import Part, Queue, can_fork, workers_for, write_parts, write_queues
from .render import Renderer, Shell
from ..pages.report import report_text
from ..search.index import search_files
from ..search.text import lunr_sources
from .write import OutputClash, SiteWriter
from ..project import Project

Content = str | bytes
Rendered = Iterator[tuple[str, Content]]


@dataclass(frozen=True)
class Tools:
    """What rendering needs besides the project: templates, the theme's chrome, the public address."""

    project: Project
    renderer: Renderer
    shell: Shell | None = None  # None for pages that mkdocs wraps itself
    site_url: str | None = None
    planned: frozenset[str] = frozenset()

    def page(self, url: str, title: str, body: str) -> str:
        return self.shell.wrap(url, title, body)


@dataclass(frozen=True)
class Output:
    """One kind of output.

    `subjects(project)`: the units of work; `addresses(subject)`: what one of
    them writes; `render(tools, subject)`: (address, text or bytes) for each.
    `mode`: "parallel" (written by the forked processes), "early" (the same,
    but started by `start_early` as soon as the output folder is there, while
    mkdocs makes its own pages), "serial" (by the parent, after them) or
    "mkdocs" (a page body handed to mkdocs, which writes it with its nav; its
    subject has `source` and `title`).
    """

    name: str
    subjects: Callable[[Project], Sequence[Any]]
    addresses: Callable[[Any], tuple[str, ...]]
    render: Callable[[Tools, Any], Rendered]
    mode: str = "parallel"


def _one(project: Project) -> tuple[None]:
    return (None,)


def _code(tools: Tools, code) -> Rendered:
    page = tools.project.codes.page(code)  # made here, where it is written: code pages are never all kept
    check_page_links(page, tools.planned)
    yield page.url, tools.page(page.url, page.title, tools.renderer.render(page))
    yield urls.code_json(code.code), compact_json(page.twin(code, tools.project.english.get(code.code)))


def _in_chrome(tools: Tools, page) -> Rendered:
    """A page the build writes itself, in the theme's chrome."""
    yield page.url, tools.page(page.url, page.title, tools.renderer.render(page))


def _with_parts(tools: Tools, page) -> str:
    """A generated page's body with its markers filled in (pages/markers.py), as on a hand-written page."""
    return fill_markers(tools.renderer.render(page), page.url, page.url, tools.project, tools.renderer.render)


def _changes(tools: Tools, pair) -> Rendered:
    page, release = pair
    yield page.url, tools.page(page.url, page.title, _with_parts(tools, page))
    yield urls.changes_json(release.year), indented_json(page.twin(release, tools.project.lineage))


def _search(tools: Tools, _: None) -> Rendered:
    yield from search_files(tools.project.catalogue, tools.project.synonyms, tools.project.english).items()


def _checker(tools: Tools, _: None) -> Rendered:
    yield urls.CHECKER_DATA, checker_json(tools.project.catalogue, tools.project.lineage, tools.project.codes.similar)


def _feed(tools: Tools, _: None) -> Rendered:
    yield urls.CHANGES_FEED, tools.renderer.render(changes_feed(tools.project.releases, tools.site_url))


def _download(tools: Tools, download) -> Rendered:
    yield download.path, download_bytes(download)


def _open_data(tools: Tools, file) -> Rendered:
    yield file.path, file.render()  # only here: the pages show the size of the file as written


def _calendar(tools: Tools, _: None) -> Rendered:
    yield urls.DEADLINES_ICS, calendar(tools.project.deadlines, tools.project.build_date)


def _labels(tools: Tools, _: None) -> Rendered:
    yield urls.LABELS_SCRIPT, labels_script()


def _report(tools: Tools, _: None) -> Rendered:
    yield urls.REPORT_JSON, indented_json(tools.project.report)
    yield urls.REPORT_TEXT, report_text(tools.project.report)


def _body(tools: Tools, page) -> Rendered:
    """A page body that mkdocs puts in the theme's chrome (and its nav)."""
    yield page.url, _with_parts(tools, page)


def _open_files(project: Project) -> list:
    """The open-data files, the workbooks (the costliest) first: dealt out in turn, they are shared out evenly."""
    return sorted(project.open_data.files, key=lambda f: not f.path.endswith(".xlsx"))


# The order is the order of writing. The costly files that need no page chrome go first, to one process
# started early ("early"), biggest first; the writing processes take the pages, each the next one as it is
# free, and then help with what is left of the early ones.
OUTPUTS: tuple[Output, ...] = (
    Output("search", _one, lambda _: (urls.SEARCH_ENGLISH, urls.SEARCH_INDEX, *map(urls.search_asset, lunr_sources())),
           _search, "early"),
    Output("checker", _one, lambda _: (urls.CHECKER_DATA,), _checker, "early"),
    Output("open-data", _open_files, lambda f: (f.path,), _open_data, "early"),
    Output("code", lambda p: p.codes.codes, lambda c: (urls.code_url(c.code), urls.code_json(c.code)), _code),
    Output("node", lambda p: p.nodes, lambda page: (page.url,), _in_chrome),
    Output("book", lambda p: p.books, lambda page: (page.url,), _in_chrome),
    Output("changes", lambda p: tuple(zip(p.changes, p.releases)),
           lambda pair: (pair[0].url, urls.changes_json(pair[1].year)), _changes),
    Output("feed", _one, lambda _: (urls.CHANGES_FEED,), _feed, "serial"),
    Output("downloads", lambda p: p.downloads, lambda d: (d.path,), _download, "serial"),
    Output("calendar", lambda p: (None,) if p.deadlines else (), lambda _: (urls.DEADLINES_ICS,), _calendar, "serial"),
    Output("labels", _one, lambda _: (urls.LABELS_SCRIPT,), _labels, "serial"),
    Output("report", _one, lambda _: (urls.REPORT_JSON, urls.REPORT_TEXT), _report, "serial"),
    Output("system", lambda p: p.systems, lambda page: (page.url,), _body, "mkdocs"),
    Output("changes-overview", lambda p: (p.overview,), lambda page: (page.url,), _body, "mkdocs"),
)


def planned(project: Project) -> frozenset[str]:
    """Every address the generated part of the site will have."""
    return frozenset(a for o in OUTPUTS for s in o.subjects(project) for a in o.addresses(s))


def page_addresses(project: Project) -> frozenset[str]:
    """The pages among the planned addresses (directory URLs), for the sitemap."""
    return frozenset(a for a in project.planned if a.endswith("/") or not a)


def check_page_links(page, planned: Iterable[str]) -> None:
    """Every link of a page must point at a planned address (its #anchor aside)."""
    for link in page.links:
        if link.target.partition("#")[0] not in planned:
            raise InputError(Location(page.url), f"link to {link.target} has no page")


def mkdocs_pages(project: Project, renderer: Renderer) -> dict[str, tuple[str, Callable[[], str]]]:
    """The generated pages that go through mkdocs (and its nav): source path -> (title, body)."""
    tools = Tools(project, renderer)
    pages = {}
    for output in (o for o in OUTPUTS if o.mode == "mkdocs"):
        for subject in output.subjects(project):
            pages[subject.source] = (subject.title, partial(_only, output, tools, subject))
    return pages


def _only(output: Output, tools: Tools, subject) -> str:
    ((_, body),) = tuple(output.render(tools, subject))
    return body


def _units(project: Project, *modes: str) -> list[tuple[Output, Any]]:
    return [(o, s) for o in OUTPUTS if o.mode in modes for s in o.subjects(project)]


@dataclass(frozen=True)
class Early:
    """The "early" outputs' queue and the process started to drain it (`start_early`)."""

    queue: Queue
    part: Part


def start_early(tools: Tools, writer: SiteWriter, jobs: int = 0) -> Early | None:
    """Start writing the "early" outputs in a process of their own; None when the build writes on one core."""
    if (jobs or workers_for(len(_units(tools.project, "parallel")))) < 2 or not can_fork():
        return None
    queue = Queue(_units(tools.project, "early"))
    return Early(queue, Part([queue], partial(write_unit, tools), writer))


def write_outputs(tools: Tools, writer: SiteWriter, jobs: int = 0, early: Early | None = None) -> None:
    """Render and write every output but mkdocs' pages: the parallel ones on every core, then the serial ones.

    `jobs` processes write the parallel outputs (0: one per core when there are enough of them); with
    `early` (from `start_early`), they then help its process with what is left of the early ones.
    """
    project = tools.project
    write_one = partial(write_unit, tools)
    pages = _units(project, "parallel")
    workers = jobs or workers_for(len(pages))
    if early is None:
        write_parts(_units(project, "early") + pages, write_one, writer, workers)
    else:
        write_queues([Queue(pages), early.queue], write_one, writer, workers, [early.part])
    for output in (o for o in OUTPUTS if o.mode == "serial"):
        for subject in output.subjects(project):
            write_unit(tools, writer, (output, subject))


def write_unit(tools: Tools, writer: SiteWriter, unit: tuple[Output, Any]) -> None:
    """Write what one subject of one output renders: exactly the addresses it declared."""
    output, subject = unit
    declared = output.addresses(subject)
    done = set()
    for address, content in output.render(tools, subject):
        if address not in declared or address in done:
            raise OutputClash(f"{output.name} rendered {address}, which it did not plan")
        done.add(address)
        path = urls.output_path(address)
        writer.write_bytes(path, content) if isinstance(content, bytes) else writer.write(path, content)
    if len(done) != len(declared):
        raise OutputClash(f"{output.name} planned {sorted(set(declared) - done)[0]} but did not render it")
