"""`nkpk-site`: build the site, or check the inputs without writing anything."""

from __future__ import annotations

import argparse
import os
import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from .addrelease import add_release, release_request, summary_lines
from .build import prepare
from .inputs.build_date import build_date
from .inputs.fingerprint import build_key, is_fresh, key_path, remember
from .inputs.diagnostics import InputError
from . import urls
from .pages.report import report_text, summary
from .pages.report_summary import build_lines, check_lines
from .serve import serve


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nkpk-site", description="Build the NKPK reference site.")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the site into a fresh folder and swap it in")
    build.add_argument("--manifest", type=Path, help="release manifest (default: data/releases.yaml)")
    build.add_argument("--out", type=Path, help="output folder (default: site/)")
    build.add_argument("--site-url", help="public base address, e.g. https://example.org/nkpk/")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="mkdocs configuration")
    build.add_argument("--force", action="store_true", help="build even if no input has changed")
    build.add_argument("--jobs", type=int, default=0, help="processes that write the pages (default: one per core); with two or more, one "
                       "more starts on the open data and the search index while mkdocs makes its pages; "
                       "1: everything in one process (least memory)")
    build.add_argument("--offline", action="store_true",
                       help="a site that opens from disk: links end in index.html, search works from file://")
    build.add_argument("--zip", action="store_true",
                       help="also write the whole site as a zip that opens from disk, offered on the downloads page")
    serving = sub.add_parser("serve", help="serve the built site on this machine and print its address")
    serving.add_argument("--dir", type=Path, default=Path("site"), help="the built site (default: site/)")
    serving.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000; 0: any free one)")
    check = sub.add_parser("check", help="read and validate the inputs; write nothing")
    check.add_argument("--manifest", type=Path, default=Path("data/releases.yaml"))
    check.add_argument("--report", action="store_true", help="print the whole build report")
    add = sub.add_parser("add-release", help="add a downloaded code list as a release, check the build, show its changes")
    add.add_argument("paths", type=Path, nargs="+", metavar="PATH", help="the downloaded file(s) of the release")
    add.add_argument("--year", type=int, required=True, help="the year the release is in use")
    add.add_argument("--manifest", type=Path, default=Path("data/releases.yaml"), help="default: data/releases.yaml")
    add.add_argument("--system", action="append", help="code system of files without a Kodeverk column "
                     "(NCSP, NCMP, NCRP, SK): once for all files, or once per file in order")
    add.add_argument("--valid-on", help="take the codes valid on this date (default: 1 January of the year)")
    add.add_argument("--replace", action="store_true", help="replace the release of that year if there is one")
    add.add_argument("--new-shape", action="append", metavar="CODE", help="a code whose shape is new to its code "
                     "system and meant as it is (written under new_shapes in the manifest); once per code")
    add.add_argument("--json", action="store_true", help="end with the counts as one line of JSON")
    return parser


def _plugins(config_file: Path, args: argparse.Namespace) -> list:
    """The configuration's plugins, our options from the command line added: mkdocs configures the plugin."""
    with config_file.open(encoding="utf-8") as stream:
        plugins = yaml_load(stream).get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    ours = {"manifest": str(args.manifest.resolve())} if args.manifest else {}
    ours |= {"jobs": args.jobs} if args.jobs else {}
    ours |= {"offline": True} if getattr(args, "offline", False) else {}
    ours |= {"zip": True} if getattr(args, "zip", False) else {}
    listed = []
    for item in plugins:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        listed.append({name: {**(options or {}), **ours}} if name == "nkpk" else item)
    return listed


class _SaidOnce(logging.Filter):
    """Drops mkdocs' log lines of a failure the plugin has worded: the command prints it, once."""

    def __init__(self, plugin) -> None:
        super().__init__()
        self.plugin = plugin

    def filter(self, record: logging.LogRecord) -> bool:
        result = self.plugin.result
        return not (record.levelno >= logging.ERROR and result is not None and result.failure)


def run_build(args: argparse.Namespace) -> int:
    overrides = {"plugins": _plugins(args.config, args)}
    if args.out:
        overrides["site_dir"] = str(args.out.resolve())
    if args.site_url:
        overrides["site_url"] = args.site_url
    config = load_config(config_file=str(args.config), **overrides)
    plugin = config.plugins["nkpk"]
    site = Path(config.site_dir)
    manifest = Path(config.config_file_path).resolve().parent / plugin.config.manifest
    folders = tuple(Path(d) for d in (config.docs_dir, config.theme.custom_dir) if d)
    options = " ".join(name for name in ("offline", "zip") if plugin.config[name])
    key = build_key(args.config, manifest, folders, config.site_url or None, build_date(os.environ), options)
    if not args.force and is_fresh(site, key):
        print(f"nkpk-site: {site} is up to date (no input has changed); nothing written")
        return 0
    key_path(site).unlink(missing_ok=True)
    config.plugins.on_startup(command="build", dirty=False)
    said = _SaidOnce(plugin)
    logging.getLogger("mkdocs.commands.build").addFilter(said)
    try:
        mkdocs_build(config)
    except MkDocsException as exc:
        result = plugin.result
        print(f"nkpk-site: {result.failure if result and result.failure else exc}", file=sys.stderr)
        return 1
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(said)
        config.plugins.on_shutdown()
    result = plugin.result
    remember(site, key)
    print(f"nkpk-site: {summary(result.report)}; site in {config.site_dir}")
    for line in build_lines(result.report, _shown_path(site / urls.REPORT_TEXT)):
        print(f"nkpk-site: {line}")
    if result.sitemap_pages:
        print(f"nkpk-site: sitemap.xml lists {result.sitemap_pages} pages under {config.site_url}")
    else:
        print("nkpk-site: sitemap.xml is written for a public address only (--site-url); not needed to look at the site")
    print(_what_to_open(site, plugin.config.offline))
    return 0


def _shown_path(path: Path) -> str:
    """A path as the maintainer can type it: relative to the current folder where it is inside it."""
    here = Path.cwd()
    return str(path.relative_to(here) if path.is_relative_to(here) else path)


def _what_to_open(site: Path, offline: bool) -> str:
    if offline:
        return f"nkpk-site: open {(site / 'index.html').resolve().as_uri()} in a browser (the site works from disk)"
    return ("nkpk-site: to look at it, run `make serve` (or `nkpk-site serve`) and open the address it prints; "
            "for a site that opens from disk, build with --offline")


def run_check(args: argparse.Namespace) -> int:
    project = prepare(args.manifest.resolve())
    whole = f"`nkpk-site check --report` prints it; a build writes it into the site as {urls.REPORT_TEXT} (site/ by default)"
    print(report_text(project.report) if args.report else "\n".join(check_lines(project.report, whole)))
    return 0


def run_add_release(args: argparse.Namespace) -> int:
    summary = add_release(release_request(args))
    print("\n".join(f"nkpk-site: {line}" if i == 0 else line for i, line in enumerate(summary_lines(summary, args.manifest))))
    if args.json:
        print(summary.json_line())
    return 0


COMMANDS = {"build": run_build, "check": run_check, "add-release": run_add_release}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return serve(args.dir, args.port)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        return COMMANDS[args.command](args)
    except InputError as exc:
        print(f"nkpk-site: input error: {exc}", file=sys.stderr)
    except MkDocsException as exc:
        print(f"nkpk-site: {exc}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
