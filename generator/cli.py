"""`nkpk-site`: build the site, or check the inputs without writing anything."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .build import prepare
from .problems import InputError
from .report import report_text, summary


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nkpk-site", description="Build the NKPK reference site.")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the site into a fresh folder and swap it in")
    build.add_argument("--manifest", type=Path, help="release manifest (default: data/releases.yaml)")
    build.add_argument("--out", type=Path, help="output folder (default: site/)")
    build.add_argument("--site-url", help="public base address, e.g. https://example.org/nkpk/")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="mkdocs configuration")
    check = sub.add_parser("check", help="read and validate the inputs; write nothing")
    check.add_argument("--manifest", type=Path, default=Path("data/releases.yaml"))
    check.add_argument("--report", action="store_true", help="print the whole build report")
    return parser


def run_build(args: argparse.Namespace) -> int:
    overrides = {}
    if args.out:
        overrides["site_dir"] = str(args.out.resolve())
    if args.site_url:
        overrides["site_url"] = args.site_url
    config = load_config(config_file=str(args.config), **overrides)
    if args.manifest:
        config.plugins["nkpk"].config.manifest = str(args.manifest.resolve())
    plugin = config.plugins["nkpk"]
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    except MkDocsException as exc:
        print(f"nkpk-site: {plugin.failure or exc}", file=sys.stderr)
        return 1
    finally:
        config.plugins.on_shutdown()
    print(f"nkpk-site: {summary(plugin.project.report)}; site in {config.site_dir}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    project = prepare(args.manifest.resolve())
    print(report_text(project.report) if args.report else summary(project.report))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        return run_build(args) if args.command == "build" else run_check(args)
    except InputError as exc:
        print(f"nkpk-site: input error: {exc}", file=sys.stderr)
    except MkDocsException as exc:
        print(f"nkpk-site: {exc}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
