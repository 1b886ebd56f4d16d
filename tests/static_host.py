"""A static web host for tests: a built site served under a base path, as GitHub Pages would.

`host(site, base="/nkpk/")` serves the folder `site` at
`http://127.0.0.1:<port>/nkpk/` and answers every missing address with the
site's own `404.html` and status 404, the way static hosts do. Nothing is
served outside the base path.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import posixpath
import threading
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit


class _Handler(http.server.SimpleHTTPRequestHandler):
    base = "/"

    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass

    def translate_path(self, path: str) -> str:
        """Only addresses under the base path map to files of the site."""
        clean = unquote(urlsplit(path).path)
        if not clean.startswith(self.base):
            return str(Path(self.directory) / ".nkpk-outside-base")
        rest = posixpath.normpath("/" + clean[len(self.base):]).lstrip("/")
        target = Path(self.directory) / rest
        return str(target) + ("/" if clean.endswith("/") else "")

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


_COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".ics", ".webmanifest"}


class _GzipHandler(_Handler):
    """Text files gzip-compressed when the client accepts it, as static hosts send them."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix not in _COMPRESSED or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def host(site: Path, base: str = "/", compress: bool = False) -> Iterator[str]:
    """Serve `site` under the path `base` on 127.0.0.1; yields the site's address (ending in /).

    With `compress`, text files go gzip-compressed to clients that accept it, as static hosts send them.
    """
    handler = type("Handler", (_GzipHandler if compress else _Handler,), {"base": base})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{base}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
