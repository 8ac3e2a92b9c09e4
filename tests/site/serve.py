"""A static host on localhost for the browser tests and the README's screenshots: byte ranges
(RangeHTTPServer), as every static host serves media, and quiet when a browser drops a media
request half-way (which players do all the time)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

from RangeHTTPServer import RangeRequestHandler


class _Handler(RangeRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # ConnectionResetError / BrokenPipeError from aborted media requests


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` at the yielded base URL until the block ends."""
    httpd = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
