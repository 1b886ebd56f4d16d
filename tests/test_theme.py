"""What the build does to the theme (generator/output/theme.py): its templates' edits, the site's one stylesheet."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from generator import urls
from generator.output.theme import THEME_EDITS, edited_theme, trim_css

from .helpers import build_site


def test_trim_css_leaves_out_the_unused_features_only() -> None:
    css = ('@charset "UTF-8";.md-grid,.grid{a:1}.tabbed-set>input,.md-typeset .admonition{b:2}'
           '@media screen{.md-search__form{c:3}}@media print{.x:is(.a,.b),.tabbed-y{d:4}.md-tabs{e:5}}'
           '.icon{mask:url("data:image/svg+xml,<svg>{}</svg>")}@keyframes md-search{0%{f:6}}')
    assert trim_css(css) == ('@charset "UTF-8";.md-grid{a:1}.md-typeset .admonition{b:2}'
                             '@media print{.x:is(.a,.b){d:4}}'
                             '.icon{mask:url("data:image/svg+xml,<svg>{}</svg>")}@keyframes md-search{0%{f:6}}')


def _env(templates: dict[str, str]) -> jinja2.Environment:
    return edited_theme(jinja2.Environment(loader=jinja2.DictLoader(templates)))


def test_the_theme_s_templates_are_edited_as_they_load() -> None:
    name, old, _, count = THEME_EDITS[0]  # a section's label: tabindex only where it has a value
    env = _env({name: f"<label {old}>" * count})
    assert env.get_template(name).render(path="p", tabindex="") == '<label id="p_label">' * count
    assert env.get_template(name).render(path="p", tabindex="0") == '<label id="p_label" tabindex="0">' * count


def test_an_edit_whose_line_the_theme_no_longer_has_stops_the_build() -> None:
    name = THEME_EDITS[0][0]
    with pytest.raises(RuntimeError, match="THEME_EDITS"):
        _env({name: "a template of another theme version"}).get_template(name)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("theme") / "site"
    assert build_site(out) == 0
    return out


def test_every_page_has_one_stylesheet_the_theme_s_and_the_site_s(site: Path) -> None:
    for page in ("index.html", "kode/JKA21/index.html", "404.html"):
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', (site / page).read_text(encoding="utf-8"))
        assert [href.rsplit("/", 2)[-2:] for href in links] == [["assets", "nkpk-site.css"]], page
    css = (site / urls.SITE_STYLESHEET).read_text(encoding="utf-8")
    assert css.startswith('@charset "UTF-8";') and ".md-typeset .admonition" in css and ".tabbed-set" not in css
    assert css.index(".md-header") < css.index(".nkpk-search__input") < css.index(".nkpk-title-short")  # extra_css in order
