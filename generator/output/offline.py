"""The offline build (`nkpk-site build --offline`, the plugin's `offline: true`): a site that opens from disk.

Opened as files (file://), a browser shows a folder listing for a link to a
folder (`../ncsp/`), and scripts cannot fetch() their data. So, like
Material's own offline plugin, the offline build

- points every relative link of every page at the page's file:
  `href="../ncsp/"` becomes `href="../ncsp/index.html"` (also form actions and
  the search box's results page), fragments and queries kept;
- gives the code-page address pattern in the scripts' data files the same
  `index.html`, so that links the scripts make (search hits, the checker's
  codes) open from disk too;
- writes each data file the scripts load also as a script that sets a global
  (`DATA_SCRIPTS`): on file:// the scripts load that instead of fetch().

It runs on the fresh folder before it is swapped in. A file is replaced, not
written over: the writer may have linked it to the previous site's copy.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .. import urls

# Data files the scripts load, and the global that their script twin sets (the scripts read it on file://).
DATA_SCRIPTS = {urls.SEARCH_INDEX: "nkpkSearchFile", urls.CHECKER_DATA: "nkpkCodeList"}
_ATTRIBUTE = re.compile(r'(\s(?:href|action|data-nkpk-page)=")([^"]*)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_CODE_URL = urls.code_url("{code}")


def offline_href(value: str) -> str:
    """`../ncsp/#x` -> `../ncsp/index.html#x`; addresses elsewhere, fragments and files stay as they are."""
    if not value or value.startswith(("#", "//")) or _SCHEME.match(value):
        return value
    cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
    path, rest = value[:cut], value[cut:]
    if not path:
        return value
    if path.rsplit("/", 1)[-1] in (".", ".."):  # `..`, `../..`: a folder too
        path += "/"
    if not path.endswith("/"):
        return value
    return f"{path}index.html{rest}"


def offline_page(html: str) -> str:
    return _ATTRIBUTE.sub(lambda m: f'{m.group(1)}{offline_href(m.group(2))}"', html)


def _replace(path: Path, text: str) -> None:
    """Write `text` to a new file that takes `path`'s place (never into a file another site may share)."""
    spare = path.with_name(f".{path.name}.nkpk-offline")
    spare.write_text(text, encoding="utf-8", newline="\n")
    os.replace(spare, path)


def _data_file(text: str) -> str:
    """The code-page pattern of a data file, pointed at the page's file."""
    return text.replace(f'"url":"{_CODE_URL}"', f'"url":"{_CODE_URL}index.html"')


def make_offline(root: Path) -> int:
    """Rewrite the built site in `root` for file://; returns the number of pages changed."""
    changed = 0
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith(".html"):
                path = Path(folder) / name
                html = path.read_text(encoding="utf-8")
                offline = offline_page(html)
                if offline != html:
                    _replace(path, offline)
                    changed += 1
    for data, name in DATA_SCRIPTS.items():
        path = root / data
        if path.is_file():
            text = _data_file(path.read_text(encoding="utf-8"))
            _replace(path, text)
            script = path.with_suffix(".js")
            _replace(script, f"window.{name} = {text.rstrip()};\n")
    return changed
