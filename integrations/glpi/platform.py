"""GLPI as a target platform: the connection, its client, checks and sandbox; publishing through
`mapping.py` (records), `reading.py` (references, identification, reads) and `writing.py` (bulk writes,
delete, restore)."""

import importlib
from collections.abc import Iterable, Iterator
from typing import Any

from integrations.base.platform import (
    ApplyContext,
    Candidate,
    Check,
    Current,
    Identified,
    Mapping,
    MatchSource,
    Platform,
    Record,
    Reference,
    Step,
    TargetRef,
    Write,
)

from . import reading, writing
from .checks import run_checks
from .client import GlpiClient, GlpiSettings
from .forms import CONNECTION_LABELS, option_fields
from .options import GlpiOptions, api_url, form_url


def client_settings(connection: Any) -> GlpiSettings:
    """The App-Token is kept in `client_secret`, the user token in `refresh_token` (see forms.py)."""
    options = GlpiOptions.from_dict(connection.options)
    by_token = connection.auth_method == "user_token"
    return GlpiSettings(
        api_url=connection.base_url,
        app_token=connection.client_secret,
        user_token=connection.refresh_token if by_token else "",
        login="" if by_token else connection.username,
        password="" if by_token else connection.password,
        entity_id=options.entity_id,
        entity_recursive=options.entity_recursive,
        ca_bundle=connection.ca_bundle,
        page_size=options.page_size,
        governor_key=str(connection.pk),
    )


def mapping_module() -> Any:
    return importlib.import_module("integrations.glpi.mapping")


class GlpiPlatform(Platform):
    """GLPI 10's legacy REST API."""

    name = "glpi"
    label = "GLPI"
    auth_methods = ("user_token", "basic")
    connection_labels = CONNECTION_LABELS
    always_secrets = ("client_secret",)  # the App-Token, whichever way the user signs in

    def options(self, data: dict[str, Any] | None) -> GlpiOptions:
        return GlpiOptions.from_dict(data)

    def option_fields(self) -> dict[str, Any]:
        return option_fields()

    def client(self, connection: Any, audit=None) -> GlpiClient:
        return GlpiClient(client_settings(connection), audit=audit)

    def instance_url(self, url: str) -> str:
        return api_url(url)

    def steps(self, options: GlpiOptions) -> list[Step]:
        return mapping_module().steps()

    def map(self, snapshot: Any, options: GlpiOptions) -> Mapping:
        return mapping_module().portfolio_records(snapshot, options)

    def resolve(
        self, client: GlpiClient, references: Iterable[Reference], options, create: bool = False
    ) -> dict[Reference, str]:
        return reading.resolve(client, references, create=create)

    def identify(self, client: GlpiClient, records: list[Record], options) -> dict[str, Identified]:
        return reading.identify(client, records)

    def read(self, client: GlpiClient, refs: list[TargetRef], fields: set[str]) -> dict[TargetRef, Current]:
        return reading.read(client, refs, fields)

    def apply(
        self, client: GlpiClient, step: Step, writes: list[Write], options, context: ApplyContext
    ) -> None:
        writing.StepWriter(client, context).apply(writes)

    def delete(self, client: GlpiClient, ref: TargetRef) -> None:
        writing.delete(client, ref)

    def restore(self, client: GlpiClient, ref: TargetRef, values: dict[str, str]) -> str:
        return writing.restore(client, ref, values)

    def record_url(self, connection: Any, target_type: str, target_id: str) -> str | None:
        return form_url(connection.base_url, target_type, target_id)

    def portfolio_value(self, kind: str, field_name: str, value: str) -> tuple[str, str] | None:
        return mapping_module().portfolio_value(kind, field_name, value)

    def match_sources(self) -> list[MatchSource]:
        return list(reading.MATCH_SOURCES)

    def candidates(self, client: GlpiClient, source: MatchSource) -> Iterator[Candidate]:
        return reading.candidates(client, source)

    def checks(self, client: GlpiClient, options: GlpiOptions) -> list[Check]:
        return run_checks(client, options)

    def sandbox(self) -> Any:
        from .sandbox import command

        return command
