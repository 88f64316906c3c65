"""ServiceNow's names for the shared error tree (integrations.base.errors)."""

from integrations.base.errors import (
    AuthFailed as AuthenticationFailed,
)
from integrations.base.errors import (
    BadRequest,
    ConnectionFailed,
    NotFound,
    RateLimited,
    UnexpectedResponse,
    error_for,
)
from integrations.base.errors import (
    Forbidden as AccessDenied,
)
from integrations.base.errors import (
    Hibernating as InstanceHibernating,
)
from integrations.base.errors import (
    TargetError as ServiceNowError,
)
from integrations.base.errors import (
    Unavailable as ServerError,
)

__all__ = [
    "AccessDenied",
    "AuthenticationFailed",
    "BadRequest",
    "ConnectionFailed",
    "InstanceHibernating",
    "NotFound",
    "RateLimited",
    "ServerError",
    "ServiceNowError",
    "UnexpectedResponse",
    "error_for",
]
