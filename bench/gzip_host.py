"""A static web host that compresses, for benchmarks: tests/static_host.py's host plus gzip.

`host(site, base="/")` serves the folder `site` under the path `base` at
`http://127.0.0.1:<port>/...` like tests.static_host.host (404.html and
status 404 for missing addresses, nothing outside the base path), and sends
HTML, CSS, JavaScript, JSON, SVG, text and XML files with
`Content-Encoding: gzip` (level 6, as static hosts do) when the request
accepts gzip. Each file is compressed once, on its first request, and kept
in memory (again if the file changes). HTTP/1.1 with keep-alive; one
connection per request at a time, so a browser opens at most six (a real
host's HTTP/2 would carry them all on one).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import sys
import threading
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.static_host import _Handler  # noqa: E402

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")
LEVEL = 6


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header accepts gzip (`gzip` or `*`, without q=0)."""
    for item in (header or "").split(","):
        name, _, params = item.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            q = params.strip().lower().replace(" ", "")
            return not q.startswith("q=") or q[2:].strip("0.") != ""
    return False


class _Compressed:
    """gzip bytes of files, made on first use, kept while the file keeps its size and time."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[tuple[int, int], bytes]] = {}
        self._lock = threading.Lock()

    def get(self, path: str) -> bytes:
        stat = os.stat(path)
        stamp = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            known = self._files.get(path)
        if known is not None and known[0] == stamp:
            return known[1]
        body = gzip.compress(Path(path).read_bytes(), LEVEL, mtime=0)
        with self._lock:
            self._files[path] = (stamp, body)
        return body


class _GzipHandler(_Handler):
    protocol_version = "HTTP/1.1"
    compressed: _Compressed

    def send_head(self):
        """The file's gzip bytes when it is compressible and the request accepts gzip; else as static_host."""
        path = self.translate_path(self.path)
        if os.path.isdir(path) and path.endswith("/"):
            path = os.path.join(path, "index.html")
        if not (path.endswith(COMPRESSIBLE) and os.path.isfile(path) and accepts_gzip(self.headers.get("Accept-Encoding"))):
            return super().send_head()
        return io.BytesIO(self._send_gzip(200, path, self.guess_type(path)))

    def send_error(self, code, message=None, explain=None) -> None:
        """404.html (gzip when accepted) for a missing address, as static_host."""
        page = os.path.join(self.directory, "404.html")
        if code != 404 or not os.path.isfile(page) or not accepts_gzip(self.headers.get("Accept-Encoding")):
            super().send_error(code, message, explain)
            return
        body = self._send_gzip(404, page, "text/html; charset=utf-8")
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_gzip(self, code: int, path: str, content_type: str) -> bytes:
        """Status and headers of the gzip bytes of `path`; gives the bytes to send."""
        body = self.compressed.get(path)
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(os.stat(path).st_mtime)))
        self.end_headers()
        return body


@contextlib.contextmanager
def host(site: Path, base: str = "/") -> Iterator[str]:
    """Serve `site` under the path `base` on 127.0.0.1, gzip-compressed; yields the site's address (ending in /)."""
    handler = type("Handler", (_GzipHandler,), {"base": base, "compressed": _Compressed()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{base}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
