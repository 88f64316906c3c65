"""Runs the sandbox: threaded, HTTPS with the sandbox CA by default, state in a data directory."""

import logging
import shutil
import ssl
import tempfile
import threading
from pathlib import Path

from werkzeug.serving import BaseWSGIServer, make_server

from .app import SandboxApp
from .config import SandboxConfig
from .store import Store
from .tls import ensure_certificates


class _QuietHandlerLogs(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


class SandboxServer:
    """Start with `start()` (background thread) or `serve_forever()`; `url` and `ca_path` tell clients
    where and whom to trust."""

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self._tmp = None if config.data_dir else tempfile.mkdtemp(prefix="sn-sandbox-")
        directory = Path(config.data_dir or self._tmp)
        directory.mkdir(parents=True, exist_ok=True)
        database = directory / "sandbox.sqlite3"
        if config.reset and database.exists():
            for suffix in ("", "-wal", "-shm"):
                Path(f"{database}{suffix}").unlink(missing_ok=True)
        self.ca_path, cert, key = ensure_certificates(directory / "tls")
        context = None
        if config.https:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
        self.store = Store(database if config.data_dir else None)
        logging.getLogger("werkzeug").addFilter(_QuietHandlerLogs())
        self.httpd: BaseWSGIServer = make_server(
            config.host, config.port, self._late_app, threaded=True, ssl_context=context
        )
        scheme = "https" if config.https else "http"
        host = f"[{config.host}]" if ":" in config.host else config.host
        self.url = f"{scheme}://{host}:{self.httpd.server_port}"
        self.app = SandboxApp(config, self.store, self.url)
        self._thread: threading.Thread | None = None

    def _late_app(self, environ, start_response):
        return self.app(environ, start_response)

    def start(self) -> "SandboxServer":
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, args=(0.05,), name="servicenow-sandbox", daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._thread = threading.current_thread()
        self.httpd.serve_forever()

    def stop(self) -> None:
        if self._thread is not None:
            self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)
        self.store.close()
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
