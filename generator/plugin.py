"""The mkdocs adapter: hands the generated pages to mkdocs, nothing more.

Everything that knows mkdocs lives here; everything that knows the theme
(Material) lives in `theme.py` and `templates/`. The build itself is in
`build.py`: this plugin calls `prepare` before mkdocs writes anything, adds
one generated page per code system to mkdocs' files and nav, and after
mkdocs is done writes the stamped code and browse pages and the sitemap.
On `mkdocs build` the site is built in a fresh folder and swapped in at the
very end (`on_shutdown`), after mkdocs' own last check (strict mode's
warnings); any failure before that drops the fresh folder.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Callable

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import opendata_pages, urls
from .changes import LATEST_MARKER, latest_changes
from .checker import CHECKER_MARKER, checker_box
from .contexts import system_list
from .guidance import fill_markers
from .build import Project, prepare, write_pages
from .problems import InputError
from .render import Renderer
from .sitemap import SITEMAP, page_urls, write_sitemap
from .theme import ThemeShell
from .write import OutputClash, SiteWriter, adopt_unchanged, discard, fresh_dir, swap_in

SYSTEMS_MARKER = "<!-- nkpk:systems -->"


class NkpkConfig(base.Config):
    manifest = c.Type(str, default="data/releases.yaml")
    templates = c.Type(str, default="templates")
    nav_title = c.Type(str, default="Kodeverk")
    jobs = c.Type(int, default=0)  # processes writing code pages; 0: one per core when worth it


class NkpkPlugin(BasePlugin[NkpkConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self._command = "build"
        self._project: Project | None = None
        self._final: Path | None = None
        self._fresh: Path | None = None
        self._renderer: Renderer | None = None
        self._nav = None
        self._env = None
        self._files: Files | None = None
        self._config = None  # set when on_post_build is done: the build may be swapped in
        self._generated: dict[str, tuple[str, Callable[[], str]]] = {}
        self.failure: str | None = None  # the input error or output clash that stopped the last build
        self.sitemap_pages = 0  # pages in the last build's sitemap.xml (0: no site_url, no sitemap)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command

    @property
    def project(self) -> Project | None:
        """What the last build was made of."""
        return self._project

    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        self.failure = None
        try:
            self._project = prepare((root / self.config.manifest).resolve())
        except InputError as exc:
            self.failure = f"input error: {exc}"
            raise PluginError(self.failure) from None
        self._renderer = Renderer(root / self.config.templates)
        # The theme's sitemap lists only mkdocs' pages, with build dates: ours (on_post_build) lists every page.
        config.theme.static_templates.discard(SITEMAP)
        self._generated = self._generated_pages()
        config.nav = self._with_generated(config.nav)
        if self._command in ("build", "gh-deploy"):
            self._final = Path(config.site_dir)
            self._fresh = fresh_dir(self._final)
            config.site_dir = str(self._fresh)
        return config

    def _generated_pages(self) -> dict[str, tuple[str, Callable[[], str]]]:
        """Generated pages that go through mkdocs (and its nav): source path -> (title, body)."""
        project, renderer = self._project, self._renderer
        pages = {s.source: (s.title, partial(renderer.system_body, s)) for s in project.systems}
        overview = project.overview
        pages[overview.source] = (overview.title, partial(renderer.overview_body, overview))
        return pages

    def _with_generated(self, nav: list | None) -> list | None:
        """After the first nav entry: the code systems (section `nav_title`), then the changes."""
        if nav is None:
            return None
        entries = [{page.title: page.source} for page in self._project.systems]
        ours = [{self.config.nav_title: entries}, {self._project.overview.title: self._project.overview.source}]
        names = {self.config.nav_title, self._project.overview.title}
        items = [item for item in nav if not (isinstance(item, dict) and names & set(item))]
        return items[:1] + ours + items[1:]

    def on_files(self, files: Files, config) -> Files:
        theme_sitemap = files.get_file_from_path(SITEMAP)  # no longer a template, it would be copied as it is
        if theme_sitemap is not None and not Path(theme_sitemap.abs_src_path).is_relative_to(config.docs_dir):
            files.remove(theme_sitemap)
        planned = {urls.output_path(u) for u in self._project.planned}
        for file in files:
            if file.dest_uri in planned:
                raise PluginError(f"{file.src_uri} would overwrite the generated page {file.dest_uri}")
        for source, (title, _) in sorted(self._generated.items()):
            # Title as front matter, not a heading: the rendered body brings its own <h1>,
            # and a heading here would give the page a table of contents pointing at no id.
            files.append(File.generated(config, source, content=f"---\ntitle: {json.dumps(title)}\n---\n"))
        return files

    def on_nav(self, nav, config, files):
        self._nav = nav
        return nav

    def on_page_content(self, html: str, page, config, files) -> str:
        if page.file.src_uri in self._generated:
            return self._generated[page.file.src_uri][1]()
        if LATEST_MARKER in html:
            html = html.replace(LATEST_MARKER, self._renderer.latest_changes(latest_changes(page.url, self._project.releases)))
        if SYSTEMS_MARKER in html:
            listing = system_list(page.url, self._project.systems, self._project.catalogue.newest.year)
            html = html.replace(SYSTEMS_MARKER, self._renderer.system_list(listing))
        project = self._project
        if CHECKER_MARKER in html:
            html = html.replace(CHECKER_MARKER, self._renderer.checker(checker_box(page.url, project.catalogue)))
        html = fill_markers(html, page.url, project.build_date, project.deadlines, project.downloads, self._renderer)
        html = opendata_pages.fill_markers(html, page.url, project, self._renderer.env)
        return html

    def on_env(self, env, config, files):
        self._env, self._files = env, files
        return env

    def on_post_build(self, config) -> None:
        shell = ThemeShell(self._env, config, self._nav, self._files)
        try:
            writer = SiteWriter(Path(config.site_dir), previous=self._final)
            write_pages(self._project, writer, self._renderer, shell, config.site_url or None, self.config.jobs)
            pages = page_urls(writer.written) | {f.url for f in self._files.documentation_pages()}
            self.sitemap_pages = write_sitemap(writer, config.site_url or None, pages)
        except OutputClash as exc:
            self.failure = f"output clash: {exc}"
            raise PluginError(self.failure) from None
        except InputError as exc:  # a code page's link, checked as the page is made
            self.failure = f"input error: {exc}"
            raise PluginError(self.failure) from None
        if self._final is not None:
            # What mkdocs wrote itself (guidance pages, assets): keep unchanged files as they were.
            adopt_unchanged(Path(config.site_dir), self._final, writer.written)
        self._config = config

    def on_shutdown(self) -> None:
        """The build went through to its end: the fresh folder replaces the old site."""
        if self._fresh is not None and self._config is not None:
            swap_in(self._fresh, self._final)
            self._config.site_dir = str(self._final)
        self._final = self._fresh = self._config = None

    def on_build_error(self, error: Exception) -> None:
        """A failed build drops its fresh folder: the previous site stays as it was."""
        if self._fresh is not None:
            discard(self._fresh)
        self._final = self._fresh = self._config = None
