"""Inbound REST rate limits as `sys_rate_limit_rules` enforce them: a fixed hourly window per user,
aligned to the clock, with ServiceNow's `X-RateLimit-*` headers."""

import math

from integrations.base.sandbox.limits import RateLimiter as Window

API_NAMES = {
    "table": "Table API",
    "ire": "Identify and Reconcile API",
    "attachment": "Attachment API",
    "batch": "Batch API",
}


class RateLimiter:
    """`time_scale` 60 makes an "hour" last one minute."""

    def __init__(self, per_hour: int | None, time_scale: float = 1.0, rule_sys_id: str = "") -> None:
        self.per_hour = per_hour
        self.rule_sys_id = rule_sys_id
        self.window = Window(per_hour, 3600.0, time_scale)

    def check(self, user: str, api: str) -> tuple[bool, dict[str, str]]:
        """Count a request; returns whether it may proceed and the headers to send either way."""
        verdict = self.window.check(user)
        if verdict is None:
            return True, {}
        headers = {
            "X-RateLimit-Limit": str(verdict.limit),
            "X-RateLimit-Reset": str(math.ceil(verdict.reset)),
            "X-RateLimit-Rule": self.rule_sys_id,
        }
        if not verdict.allowed:
            headers["Retry-After"] = str(verdict.retry_after)
        return verdict.allowed, headers

    def detail(self, api: str) -> str:
        return (
            f"Rate limit of {self.per_hour} requests per hour for {API_NAMES.get(api, 'REST API')} exceeded"
        )
