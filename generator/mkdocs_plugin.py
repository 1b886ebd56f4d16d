"""The mkdocs adapter: hands the generated pages to mkdocs, nothing more.

Everything that knows mkdocs lives here; everything that knows the theme
(Material) lives in `output/theme.py` and `templates/`. The boundary is one
way: this plugin calls the build (`prepare` before mkdocs writes anything),
hands mkdocs the registry's pages that go through its nav, fills the markers
of hand-written pages, and after mkdocs is done writes the registry's other
outputs and the sitemap. What a build gives back is one `BuildResult`
(`result`); the process settings of a build are undone when it ends.
On `mkdocs build` the site is built in a fresh folder and swapped in at the
very end (`on_shutdown`), after mkdocs' own last check (strict mode's
warnings); any failure before that drops the fresh folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import urls
from .pages.markers import fill_markers
from .build import BuildResult, PreparedSite, prepare
from .gc_settings import OneBuild
from .inputs.diagnostics import InputError
from .output.render import Renderer
from .search.text import lunr_sources
from .output.registry import Early, Tools, mkdocs_pages, page_addresses, start_early, write_outputs
from .output.offline import make_offline, offline_zip
from .output.sitemap import SITEMAP, write_robots, write_sitemap
from .output.theme import ThemeShell, edited_theme, site_stylesheet, theme_assets
from .opendata.sizes import fill_size_slots, has_slots
from .output.write import OutputClash, SiteWriter, adopt_unchanged, discard, fresh_dir, swap_in

class NkpkConfig(base.Config):
    manifest = c.Type(str, default="data/releases.yaml")
    templates = c.Type(str, default="templates")
    nav_title = c.Type(str, default="Kodeverk")
    jobs = c.Type(int, default=0)  # processes writing code pages; 0: one per core when worth it
    zip = c.Type(bool, default=False)  # also write the whole site as a zip that opens from disk (output/offline.py)
    offline = c.Type(bool, default=False)  # a site that opens from disk (output/offline.py), as Material's offline plugin


class NkpkPlugin(BasePlugin[NkpkConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self._command = "build"
        self._project: PreparedSite | None = None
        self._final: Path | None = None
        self._fresh: Path | None = None
        self._renderer: Renderer | None = None
        self._nav = None
        self._env = None
        self._files: Files | None = None
        self._config = None  # set when on_post_build is done: the build may be swapped in
        self._generated: dict[str, tuple[str, Callable[[], str]]] = {}
        self._settings = OneBuild()  # the process settings of the build under way, undone when it ends
        self._sitemap_pages = 0
        self._sized: set[str] = set()  # pages that show open-data sizes: filled once the files are written
        self._styles: tuple[str, ...] = ()  # mkdocs.yml's extra_css: in urls.SITE_STYLESHEET after the theme's
        self._theme = None  # output/theme.py ThemeAssets
        self._early: Early | None = None  # the process writing the early outputs (registry.start_early)
        self.result: BuildResult | None = None  # what the last build gave back; None while one is under way

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command

    def _fail(self, message: str) -> PluginError:
        """End the build under way with a failure: the result says why, the process settings are undone."""
        self.result = BuildResult(None, failure=message)
        self._settings.leave()
        return PluginError(message)

    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        self.result = None
        self._sized = set()
        self._settings.enter()
        try:
            self._project = prepare((root / self.config.manifest).resolve(), site_zip=self.config.zip)
        except InputError as exc:
            raise self._fail(f"input error: {exc}") from None
        self._renderer = Renderer(root / self.config.templates)
        if config.extra_css:  # one stylesheet for every page (templates/main.html): the theme does not link these
            self._styles, config.extra_css = tuple(str(p) for p in config.extra_css), []
        # The theme's sitemap lists only mkdocs' pages, with build dates: ours (on_post_build) lists every page.
        config.theme.static_templates.discard(SITEMAP)
        self._generated = mkdocs_pages(self._project, self._renderer)
        config.nav = self._with_generated(config.nav)
        if self._command in ("build", "gh-deploy"):
            self._final = Path(config.site_dir)
            self._fresh = fresh_dir(self._final)
            config.site_dir = str(self._fresh)
        return config

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
                raise self._fail(f"{file.src_uri} would overwrite the generated file {file.dest_uri}")
        # The open data and the search index need no page chrome: a process writes them while mkdocs makes its pages.
        tools = Tools(self._project, self._renderer, None, config.site_url or None, self._project.planned)
        self._early = start_early(tools, SiteWriter(Path(config.site_dir), previous=self._final), self.config.jobs)
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
        try:
            html = fill_markers(html, page.url, page.file.src_uri, self._project, self._renderer.render)
        except InputError as exc:
            raise self._fail(f"input error: {exc}") from None
        if has_slots(html):
            self._sized.add(page.file.dest_uri)
        return html

    def on_env(self, env, config, files):
        env.globals["nkpk_urls"] = {"code": urls.code_url("{code}"), "codes": urls.CHECKER_DATA}  # site-relative, for scripts' data- attributes
        env.globals["nkpk_search"] = urls.search_addresses(tuple(lunr_sources()))
        self._theme = theme_assets(config.theme.dirs)
        scripts = [urls.SCOPE_SCRIPT, self._theme.script, *(str(s) for s in config.extra_javascript)]
        env.globals["nkpk_assets"] = {"stylesheet": urls.SITE_STYLESHEET, "loader": urls.SCRIPT_LOADER,
                                      "theme_script": self._theme.script, "scripts": scripts}
        self._env, self._files = edited_theme(env), files
        return self._env

    def on_post_build(self, config) -> None:
        shell = ThemeShell(self._env, config, self._nav, self._files)
        try:
            writer = SiteWriter(Path(config.site_dir), previous=self._final)
            tools = Tools(self._project, self._renderer, shell, config.site_url or None, self._project.planned)
            early, self._early = self._early, None
            write_outputs(tools, writer, self.config.jobs, early)
            fill_size_slots(Path(config.site_dir), self._sized, writer.written)
            pages = page_addresses(self._project) | {f.url for f in self._files.documentation_pages()}
            self._sitemap_pages = write_sitemap(writer, config.site_url or None, pages, self._renderer.render)
            write_robots(writer, config.site_url or None)
            styles = site_stylesheet(Path(config.site_dir), self._theme.stylesheets + self._styles, self._theme.stylesheets)
            writer.write(urls.SITE_STYLESHEET, styles)
        except OutputClash as exc:
            raise self._fail(f"output clash: {exc}") from None
        except InputError as exc:  # a code page's link, checked as the page is made
            raise self._fail(f"input error: {exc}") from None
        if self.config.offline:
            make_offline(Path(config.site_dir))
        if self.config.zip and self._command in ("build", "gh-deploy"):  # not on every rebuild of `mkdocs serve`
            offline_zip(Path(config.site_dir))
        if self._final is not None:
            # What mkdocs wrote itself (guidance pages, assets): keep unchanged files as they were.
            adopt_unchanged(Path(config.site_dir), self._final, writer.written)
        self._config = config
        self.result = BuildResult(self._project.report, self._sitemap_pages)
        self._settings.leave()  # mkdocs serve builds again in this process: nothing of this build stays frozen

    def on_shutdown(self) -> None:
        """The build went through to its end: the fresh folder replaces the old site."""
        if self._fresh is not None and self._config is not None:
            swap_in(self._fresh, self._final)
            self._config.site_dir = str(self._final)
        self._final = self._fresh = self._config = None

    def on_build_error(self, error: Exception) -> None:
        """A failed build drops its fresh folder: the previous site stays as it was."""
        if self._early is not None:  # still writing into the fresh folder: end it first
            self._early.part.stop()
            self._early = None
        if self._fresh is not None:
            discard(self._fresh)
        self._final = self._fresh = self._config = None
        if self.result is None or self.result.failure is None:  # mkdocs' own (strict mode's warnings, a theme error)
            self.result = BuildResult(None, failure=str(error) or type(error).__name__)
        self._settings.leave()
