"""Errors a target platform answers with, the same tree for every platform. Each keeps the remote
system's own message and detail, so an admin reads what the instance said."""


class TargetError(Exception):
    def __init__(
        self, message: str, *, status: int = 0, detail: str = "", method: str = "", path: str = ""
    ) -> None:
        self.status = status
        self.message = message
        self.detail = detail or ""
        self.method = method
        self.path = path
        where = f" ({method} {path})" if method else ""
        prefix = f"{status} " if status else ""
        super().__init__(f"{prefix}{message}{': ' + self.detail if self.detail else ''}{where}")


class AuthFailed(TargetError):
    """401, or the token endpoint refused the credentials."""


class Forbidden(TargetError):
    """403: an ACL, a role or a business rule refused the operation."""


class NotFound(TargetError):
    """404: no such record (or an ACL hides it)."""


class BadRequest(TargetError):
    """400: e.g. an invalid table or an unreadable body."""


class RateLimited(TargetError):
    """429 after every retry."""


class Unavailable(TargetError):
    """5xx after every retry."""


class Hibernating(TargetError):
    """The instance answered an HTML page (asleep, maintenance) instead of its API."""


class ConnectionFailed(TargetError):
    """No answer at all: DNS, TLS, refused or dropped connections, timeouts (after every retry)."""


class UnexpectedResponse(TargetError):
    """An answer that is not what the API documents."""


# The target refuses every call the same way: a run stops instead of failing each record.
FATAL = (AuthFailed, Forbidden, Hibernating)
# Worth another try later (the HTTP layer has already retried).
TRANSIENT = (ConnectionFailed, RateLimited, Unavailable)

BY_STATUS = {400: BadRequest, 401: AuthFailed, 403: Forbidden, 404: NotFound, 429: RateLimited}


def error_for(status: int, message: str, detail: str, method: str, path: str) -> TargetError:
    kind = BY_STATUS.get(status) or (Unavailable if status >= 500 else TargetError)
    return kind(message, status=status, detail=detail, method=method, path=path)
