"""A local HaloITSM instance as a plain WSGI application: OAuth token server, the REST resources the
product uses, rate limiting and outgoing webhooks, with a JSON-serialisable in-memory store."""

from .app import HaloSandbox, SandboxSettings
from .store import HaloStore

__all__ = ["HaloSandbox", "HaloStore", "SandboxSettings"]
