"""Shared fixtures: where the real corpus lives, and the project root."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "data"  # the real published code lists, the site's default input (data/README.md)


@pytest.fixture(scope="session")
def real_dir() -> Path:
    """The folder of the real published code lists."""
    return REAL


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def real_site(tmp_path_factory, real_dir) -> Path:
    """The whole real corpus, built once per test session, with the site's zip (--zip)."""
    from .helpers import build_site
    from .independent import MANIFEST

    out = tmp_path_factory.mktemp("real") / "site"
    assert build_site(out, MANIFEST, extra=["--zip"]) == 0
    return out
