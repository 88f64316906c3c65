"""Halo's error bodies, raised anywhere in the sandbox and rendered in one place by the app."""

from typing import Any


class HaloError(Exception):
    """An HTTP error with Halo's body: a JSON string for business rules, an ASP.NET model-state dict
    (`{"[0].field": ["..."]}`) for malformed input, OAuth JSON on the token endpoint."""

    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(str(body))
        self.status = status
        self.body = body
        self.headers = headers or {}


def rule(message: str) -> HaloError:
    """A business-rule failure (missing mandatory field, unknown reference): 400 with a JSON string."""
    return HaloError(400, message)


def model_state(errors: dict[str, list[str]]) -> HaloError:
    """Malformed input as ASP.NET's model binder reports it."""
    return HaloError(400, errors)


def not_found(what: str = "Record") -> HaloError:
    return HaloError(404, f"{what} not found")


def oauth(status: int, error: str, description: str) -> HaloError:
    """OpenIddict's token endpoint error."""
    return HaloError(status, {"error": error, "error_description": description})
