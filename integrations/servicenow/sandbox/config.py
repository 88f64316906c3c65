"""The sandbox's settings (the command line's options, and what tests pass to the fixture)."""

from dataclasses import dataclass

from integrations.base.sandbox.config import ServerConfig

from .auth import DEFAULT_USERS, OAuthClient, SandboxUser


@dataclass
class SandboxConfig(ServerConfig):
    port: int = 8443
    rate_limit: int | None = None  # requests per user per hour
    token_lifetime: int = 1800
    users: tuple[SandboxUser, ...] = DEFAULT_USERS
    clients: tuple[OAuthClient, ...] = (OAuthClient("portfolio-bridge", "sandbox-secret", "integration"),)
    approval_delay: float | None = None  # seconds until a requested change approval is granted
    reject_matching: str | None = None  # requested changes whose short description contains it are rejected
    fold_case: bool = True  # string comparisons in queries and identification ignore case
    invalid_query_no_rows: bool = False  # glide.invalid_query.returns_no_rows
    skip_duplicates: bool = True  # glide.identification_engine.skip_duplicates
    duplicate_threshold: int = 5  # glide.identification_engine.skip_duplicates.threshold
    max_body: int = 10_485_760
    max_attachment: int = 26_214_400  # bytes of one uploaded file (com.glide.attachment.max_size); 413 above
    max_update_set: int = 5_242_880  # bytes, for POST /sandbox/update_set
    demo_machines: bool = False  # servers and computers related to the demo portfolio's service instances
