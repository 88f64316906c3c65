"""Errors a target platform answers with, the same tree for every platform. The message says in plain
words what went wrong and the likely fix; the detail keeps the remote system's (or the network
library's) own words, so an admin can still read what the instance said."""


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


class Unsupported(TargetError):
    """The platform does not offer this (an optional part of the contract it leaves out)."""


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


class Redirected(TargetError):
    """The instance sent the request to another address (not followed: a wrong URL, or an instance page)."""


class ConnectionFailed(TargetError):
    """No answer at all: DNS, TLS, refused or dropped connections, timeouts (after every retry)."""


class HostNotFound(ConnectionFailed):
    """DNS knows no such host name (never retried: a typo does not fix itself)."""


class ConnectionRefused(ConnectionFailed):
    """The host answers but nothing listens on the port (never retried)."""


class CertificateUntrusted(ConnectionFailed):
    """The server's TLS certificate does not verify against the trusted CAs (never retried)."""


class TimedOut(ConnectionFailed):
    """The host did not answer in time (after every retry)."""


class UnexpectedResponse(TargetError):
    """An answer that is not what the API documents."""


# The target refuses every call the same way: a run stops instead of failing each record.
FATAL = (AuthFailed, Forbidden, Hibernating, Redirected)
# Worth another try later (the HTTP layer has already retried).
TRANSIENT = (ConnectionFailed, RateLimited, Unavailable)

BY_STATUS = {400: BadRequest, 401: AuthFailed, 403: Forbidden, 404: NotFound, 429: RateLimited}

# What a person can do about it; the instance's own message moves to the detail.
PLAIN = {
    401: "The instance refused the credentials: check the user name and password (or client ID and secret)",
    403: "The integration user is not allowed to do this: give it the roles the product needs, "
    "or check the instance's ACLs",
}


def error_for(status: int, message: str, detail: str, method: str, path: str) -> TargetError:
    kind = BY_STATUS.get(status) or (Unavailable if status >= 500 else TargetError)
    if status in PLAIN:
        message, detail = PLAIN[status], ": ".join(part for part in (message, detail) if part)
    return kind(message, status=status, detail=detail, method=method, path=path)
