"""Bearer pipeline tokens for the API: the secret is hashed and looked up; a revoked or unknown token is
refused with the reason. Each token has its own request rate."""

from django.conf import settings
from django.utils import timezone
from rest_framework import authentication, exceptions, permissions, throttling

from pipelines.models import PipelineToken, Scope
from pipelines.tokens import find_token


class TokenUser:
    """Who a token-authenticated request is: the token, by name (DRF wants a user)."""

    is_authenticated = True
    is_active = True
    is_staff = False
    is_superuser = False

    def __init__(self, token: PipelineToken) -> None:
        self.token = token
        self.pk = None
        self.username = f"token:{token.name}"

    def __str__(self) -> str:
        return self.username


class PipelineTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        keyword, _, secret = header.partition(" ")
        if keyword != self.keyword or not secret.strip():
            raise exceptions.AuthenticationFailed("Send the pipeline token as “Authorization: Bearer pbt_…”.")
        token = find_token(secret.strip())
        if token is None:
            raise exceptions.AuthenticationFailed("Unknown pipeline token.")
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(f"The pipeline token “{token.name}” was revoked.")
        PipelineToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return TokenUser(token), token

    def authenticate_header(self, request) -> str:
        return f'{self.keyword} realm="pipeline"'


class IsPipelineToken(permissions.BasePermission):
    """A pipeline token for changes: a monitoring token (scope `alerts`) only sends alerts."""

    message = "Send a pipeline token: “Authorization: Bearer pbt_…”."

    def has_permission(self, request, view) -> bool:
        if isinstance(request.auth, PipelineToken) and request.auth.scope == Scope.ALERTS:
            self.message = f"The token “{request.auth.name}” has the scope alerts: it only sends alerts."
            return False
        return isinstance(request.auth, PipelineToken)


class IsAlertsToken(permissions.BasePermission):
    """A token made for monitoring (scope `alerts`); a change token cannot open tickets."""

    message = "Send a token with the scope alerts: “Authorization: Bearer pbt_…”."

    def has_permission(self, request, view) -> bool:
        if isinstance(request.auth, PipelineToken) and request.auth.scope != Scope.ALERTS:
            self.message = f"The token “{request.auth.name}” has the scope {request.auth.scope}, not alerts."
            return False
        return isinstance(request.auth, PipelineToken)


class TokenRateThrottle(throttling.SimpleRateThrottle):
    """PIPELINE_RATE requests per token (read at each request, so a change of setting applies)."""

    scope = "pipeline"

    def get_rate(self) -> str:
        return settings.PIPELINE_RATE

    def allow_request(self, request, view) -> bool:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view) -> str | None:
        if not isinstance(request.auth, PipelineToken):
            return None
        return f"pipeline-rate:{request.auth.pk}"
