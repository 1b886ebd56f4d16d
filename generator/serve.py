"""`nkpk-site serve`: the built site on this machine, as a static host serves it.

Files are served as they are, and a missing address gets the site's own `404.html` with status 404,
as GitHub Pages and the servers the README names do (its search box, and the link to a code typed as
an address), not the bare error page of Python's server.
"""

from __future__ import annotations

import functools
import http.server
import sys
from pathlib import Path

NOT_FOUND = "404.html"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / NOT_FOUND
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(folder: Path, port: int) -> int:
    """Serve the built folder on 127.0.0.1 until Ctrl+C, printing the address to open."""
    if not (folder / "index.html").is_file():
        print(f"nkpk-site: no site in {folder}: run `make site` first", file=sys.stderr)
        return 1
    handler = functools.partial(SiteHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"nkpk-site: serving {folder} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C stops)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0
