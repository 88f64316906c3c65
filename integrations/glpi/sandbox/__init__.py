"""A local GLPI 10 instance serving the legacy REST API (`apirest.php`) on the shared sandbox core:
API clients with IP ranges and App-Tokens, sessions, items, sub-items, search, bulk writes, GLPI's
error arrays and HTML-escaped text. Read `app.py` first."""

from .app import GlpiSandbox, GlpiSettings
from .store import GlpiStore

__all__ = ["GlpiSandbox", "GlpiSettings", "GlpiStore"]
