"""Runs a sandbox: threaded, HTTPS with the sandbox's own CA by default, state in a data directory."""

import logging
import shutil
import ssl
import tempfile
import threading
from abc import ABC, abstractmethod
from pathlib import Path

from werkzeug.serving import BaseWSGIServer, make_server

from .bookkeeping import Bookkeeping
from .config import ServerConfig
from .faults import KINDS, FaultInjector, parse_faults
from .gateway import Gateway, Platform
from .store import JsonStore
from .tls import ensure_certificates

DATABASE = "sandbox.sqlite3"


class _QuietHandlerLogs(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


_QUIET = _QuietHandlerLogs()


class SandboxServer(ABC):
    """Start with `start()` (background thread) or `serve_forever()`; `url` and `ca_path` tell clients
    where and whom to trust. A platform subclasses it and builds its app in `build_app`, where
    `config`, `store`, `url`, `book` and `faults` are ready."""

    name = "sandbox"  # the serving thread's name
    store_class: type[JsonStore] = JsonStore
    fault_kinds: tuple[str, ...] = KINDS

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self._thread: threading.Thread | None = None
        self._tmp = None if config.data_dir else tempfile.mkdtemp(prefix=f"{self.name}-")
        try:
            self._open(Path(config.data_dir or self._tmp))
        except BaseException:
            if (httpd := getattr(self, "httpd", None)) is not None:
                httpd.server_close()
            self._cleanup()
            raise

    def _open(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        database = directory / DATABASE
        if self.config.reset and database.exists():
            for suffix in ("", "-wal", "-shm"):
                Path(f"{database}{suffix}").unlink(missing_ok=True)
        self.ca_path, cert, key = ensure_certificates(directory / "tls")
        context = None
        if self.config.https:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
        self.store = self.store_class(database if self.config.data_dir else None)
        self.book = Bookkeeping()
        rules = parse_faults(self.config.faults, self.fault_kinds)
        self.faults = FaultInjector(rules, self.config.fault_seed)
        logging.getLogger("werkzeug").addFilter(_QUIET)
        try:
            self.httpd: BaseWSGIServer = make_server(
                self.config.host, self.config.port, self._late_app, threaded=True, ssl_context=context
            )
        except SystemExit:  # werkzeug exits when it cannot bind; a caller wants an error it can report
            raise OSError(f"cannot listen on {self.config.host}:{self.config.port}") from None
        scheme = "https" if self.config.https else "http"
        host = f"[{self.config.host}]" if ":" in self.config.host else self.config.host
        self.url = f"{scheme}://{host}:{self.httpd.server_port}"
        self.app = self.build_app()
        self.gateway = Gateway(self.app, self.book, self.faults, self.url, self.config.slow_seconds)

    @abstractmethod
    def build_app(self) -> Platform:
        """The platform's app; seeds itself from `config.seed_files` (see `store.read_seed_file`)."""

    def _late_app(self, environ, start_response):
        return self.gateway(environ, start_response)

    def start(self) -> "SandboxServer":
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, args=(0.05,), name=self.name, daemon=True
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
        self._cleanup()

    def _cleanup(self) -> None:
        store = getattr(self, "store", None)
        if store is not None:
            store.close()
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
