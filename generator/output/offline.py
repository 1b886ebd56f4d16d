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

A build with `--zip` also writes `urls.OFFLINE_ZIP`: the whole site as the offline
build would write it, in one zip file for the downloads page (`offline_zip`;
the same bytes for the same site: names sorted, fixed dates).
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

from .. import urls

# Data files the scripts load, and the global that their script twin sets (the scripts read it on file://).
DATA_SCRIPTS = {urls.SEARCH_INDEX: "nkpkSearchFile", urls.SEARCH_ENGLISH: "nkpkSearchEnglish", urls.CHECKER_DATA: "nkpkCodeList"}
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


def _offline_files(root: Path, skip: str):
    """(site-relative name, bytes) of every file of the site as the offline build writes it, names sorted."""
    found = []
    for folder, _, names in os.walk(root):
        for name in names:
            rel = (Path(folder) / name).relative_to(root).as_posix()
            if rel != skip and not name.startswith("."):
                found.append(rel)
    twins = {data: data[: -len(".json")] + ".js" for data in DATA_SCRIPTS}
    for rel in sorted(set(found) | {t for d, t in twins.items() if d in found}):
        data = next((d for d, t in twins.items() if t == rel), None)
        if data is not None:
            yield rel, f"window.{DATA_SCRIPTS[data]} = {_data_file((root / data).read_text(encoding='utf-8')).rstrip()};\n".encode()
        elif rel in DATA_SCRIPTS:
            yield rel, _data_file((root / rel).read_text(encoding="utf-8")).encode()
        elif rel.endswith(".html"):
            yield rel, offline_page((root / rel).read_text(encoding="utf-8")).encode()
        else:
            yield rel, (root / rel).read_bytes()


def offline_zip(root: Path, top: str = "nkpk") -> int:
    """Write `urls.OFFLINE_ZIP` in `root`: the site for file://, under the folder `top`; returns its size."""
    target = root / urls.OFFLINE_ZIP
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for rel, data in _offline_files(root, urls.OFFLINE_ZIP):
            info = zipfile.ZipInfo(f"{top}/{rel}", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=6)
    return target.stat().st_size
