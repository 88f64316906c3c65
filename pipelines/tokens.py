"""Pipeline tokens: made with a random secret shown once, stored as its SHA-256, found by hash, revoked
by stamping the time."""

import hashlib
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from pipelines.models import PipelineToken, Scope

SECRET_PREFIX = "pbt_"  # noqa: S105  (the marker of a pipeline token, not a secret)
SHOWN_PREFIX = 8  # characters of the secret kept to tell tokens apart in lists


class TokenError(ValueError):
    """A token request that cannot be done, with the reason in plain words."""


@dataclass(frozen=True)
class NewToken:
    token: PipelineToken
    secret: str  # shown once, never stored


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(namespace, name: str, scope: str = Scope.CHANGES, created_by=None) -> NewToken:
    name = name.strip()
    if not name or len(name) > 100 or any(ord(ch) < 32 for ch in name):
        raise TokenError("A token needs a name of one line, at most 100 characters.")
    if scope not in Scope.values:
        raise TokenError(f"Unknown scope “{scope}”; use {' or '.join(Scope.values)}.")
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            token = PipelineToken.objects.create(
                namespace=namespace,
                name=name,
                prefix=secret[: len(SECRET_PREFIX) + SHOWN_PREFIX],
                key_hash=hash_secret(secret),
                scope=scope,
                created_by=created_by,
            )
    except IntegrityError:
        raise TokenError(f"The namespace already has a token named “{name}”.") from None
    return NewToken(token, secret)


def find_token(secret: str) -> PipelineToken | None:
    """The token whose secret this is (revoked ones too: the caller says why it is refused)."""
    if not secret.startswith(SECRET_PREFIX):
        return None
    return PipelineToken.objects.select_related("namespace").filter(key_hash=hash_secret(secret)).first()


def revoke_token(namespace, name: str) -> PipelineToken:
    token = PipelineToken.objects.filter(namespace=namespace, name=name).first()
    if token is None:
        raise TokenError(f"The namespace has no token named “{name}”.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
