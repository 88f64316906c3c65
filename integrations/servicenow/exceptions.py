"""Errors from a ServiceNow instance, keeping the instance's own message and detail."""


class ServiceNowError(Exception):
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


class AuthenticationFailed(ServiceNowError):
    """401, or the token endpoint refused the credentials."""


class AccessDenied(ServiceNowError):
    """403: an ACL, a role or a business rule refused the operation."""


class NotFound(ServiceNowError):
    """404: no such record (or an ACL hides it)."""


class BadRequest(ServiceNowError):
    """400: e.g. an invalid table or an unreadable body."""


class RateLimited(ServiceNowError):
    """429 after every retry."""


class ServerError(ServiceNowError):
    """5xx after every retry."""


class InstanceHibernating(ServiceNowError):
    """The instance answered its HTML hibernation page instead of JSON."""


class ConnectionFailed(ServiceNowError):
    """No answer at all: DNS, TLS, refused or dropped connections, timeouts (after every retry)."""


class UnexpectedResponse(ServiceNowError):
    """An answer that is not the JSON the API documents."""


BY_STATUS = {400: BadRequest, 401: AuthenticationFailed, 403: AccessDenied, 404: NotFound, 429: RateLimited}


def error_for(status: int, message: str, detail: str, method: str, path: str) -> ServiceNowError:
    kind = BY_STATUS.get(status) or (ServerError if status >= 500 else ServiceNowError)
    return kind(message, status=status, detail=detail, method=method, path=path)
