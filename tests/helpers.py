"""Helpers for tests that build a real site into a temporary folder."""

from __future__ import annotations

import atexit
import functools
import importlib.util
import sys
import json
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.cli import main

from . import sample

ROOT = Path(__file__).resolve().parents[1]
REAL_MANIFEST = ROOT / "data" / "releases.yaml"  # the real code lists: the site's default input


@functools.cache
def sample_manifest() -> Path:
    """The small generated sample (tests/sample.py), written once per test process into a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="nkpk-sample-"))
    atexit.register(shutil.rmtree, folder, True)
    sample.generate(folder)
    return folder / "releases.yaml"


def build_site(
    out: Path,
    manifest: Path | None = None,
    site_url: str | None = None,
    extra: list[str] | None = None,
    epoch: int | None = None,
) -> int:
    """Run `nkpk-site build` as a user would, from the project root; `epoch` sets SOURCE_DATE_EPOCH.

    Without a manifest it builds the small sample (tests/sample.py); pass REAL_MANIFEST for the real lists.
    """
    args = ["build", "--config", str(ROOT / "mkdocs.yml"), "--out", str(out), *(extra or [])]
    args += ["--manifest", str(manifest or sample_manifest())]
    if site_url:
        args += ["--site-url", site_url]
    with pytest.MonkeyPatch.context() as patch:
        if epoch is not None:
            patch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        return main(args)


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


class _Text(HTMLParser):
    """Collects visible text, per tag of interest."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.h1: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag == "a":
            self.links.extend(v for k, v in attrs if k == "href" and v)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if "h1" in self.stack:
            self.h1.append(data)
        if "script" not in self.stack and "style" not in self.stack:
            self.text.append(data)


def parse_page(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under root, by relative path."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def project_copy(folder: Path, manifest: Path | None = None) -> Path:
    """mkdocs.yml with its hand-written pages copied to `folder/docs`, everything else the project's own.

    The plugin reads `manifest` (default: the small sample).
    """
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    shutil.copytree(ROOT / config["docs_dir"], folder / "docs")
    config["docs_dir"] = str(folder / "docs")
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config.pop("watch", None)  # `mkdocs serve` only
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "nkpk" in plugin:
            options = plugin["nkpk"] or {}
            options["manifest"] = str(manifest or sample_manifest())
            options["templates"] = str(ROOT / "templates")
            plugin["nkpk"] = options
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def bench_module(name: str):
    """A script of bench/ (`search_eval`, `notes`) as a module, loaded once, for tests that share its code."""
    module_name = "bench_" + name
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, ROOT / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name]
