"""HaloITSM as a target platform: portfolio records as assets of the mapped asset types, services,
suppliers and client contracts, written as JSON arrays; versions from `last_modified`."""

from collections.abc import Iterable, Iterator
from typing import Any

from integrations.base.platform import (
    ApplyContext,
    Candidate,
    Check,
    Current,
    Discovered,
    Identified,
    Mapping,
    MatchSource,
    Platform,
    Record,
    Reference,
    Step,
    TargetRef,
    WebhookEvent,
    Write,
)

from . import discovery, mapping, reading, webhooks
from .asset_types import AssetTypeStep
from .checks import run_checks
from .client import HaloClient, HaloSettings
from .forms import CONNECTION_LABELS, option_fields
from .options import HaloOptions, resource_root
from .writing import StepWriter, unlink

MATCH_SOURCES = (
    MatchSource("it_service", "it-services", "IT services", mapping.SERVICE, False),
    MatchSource("software_product", "software-products", "Software products", mapping.ASSET, True),
)


def client_settings(connection: Any) -> HaloSettings:
    options = HaloOptions.from_dict(connection.options)
    return HaloSettings(
        resource_url=connection.base_url,
        client_id=connection.client_id,
        client_secret=connection.client_secret,
        auth_url=options.auth_url,
        tenant=options.tenant,
        ca_bundle=connection.ca_bundle,
        page_size=options.page_size,
        calls_per_five_minutes=options.calls_per_five_minutes,
        governor_key=str(connection.pk),
    )


class HaloPlatform(Platform):
    name = "haloitsm"
    label = "HaloITSM"
    auth_methods = ("oauth_client_credentials",)
    connection_labels = CONNECTION_LABELS

    def options(self, data: dict[str, Any] | None) -> HaloOptions:
        return HaloOptions.from_dict(data)

    def option_fields(self) -> dict[str, Any]:
        return option_fields()

    def client(self, connection: Any, audit=None) -> HaloClient:
        client = HaloClient(client_settings(connection), audit=audit)
        client.options = HaloOptions.from_dict(connection.options)  # reads ask for the mapped asset types
        return client

    def steps(self, options: HaloOptions) -> list[Step]:
        return list(mapping.STEPS)

    def map(self, snapshot: Any, options: HaloOptions) -> Mapping:
        return mapping.portfolio_records(snapshot, options)

    def resolve(
        self, client: HaloClient, references: Iterable[Reference], options, create: bool = False
    ) -> dict[Reference, str]:
        return reading.resolve(client, references, create=create)

    def identify(self, client: HaloClient, records: list[Record], options) -> dict[str, Identified]:
        return reading.identify(client, records)

    def read(self, client: HaloClient, refs: list[TargetRef], fields: set[str]) -> dict[TargetRef, Current]:
        return reading.read(client, refs, fields)

    def apply(
        self, client: HaloClient, step: Step, writes: list[Write], options, context: ApplyContext
    ) -> None:
        StepWriter(client, context).apply(writes)

    def delete(self, client: HaloClient, ref: TargetRef) -> None:
        if mapping.link_ref(ref) is not None:  # a link added to a record that already existed
            unlink(client, ref)
            return
        client.delete(ref.type, ref.id)

    def restore(self, client: HaloClient, ref: TargetRef, values: dict[str, str]) -> str:
        (saved,) = client.save(ref.type, [{**mapping.payload(values), "id": int(ref.id)}])
        return str(saved.get(reading.VERSION_FIELD) or "")

    def portfolio_value(self, kind: str, field_name: str, value: str) -> tuple[str, str] | None:
        return mapping.portfolio_value(kind, field_name, value)

    def match_sources(self) -> list[MatchSource]:
        return list(MATCH_SOURCES)

    def candidates(self, client: HaloClient, source: MatchSource) -> Iterator[Candidate]:
        options = getattr(client, "options", None) or HaloOptions()
        return reading.candidates(client, source, options.asset_type("software"))

    def checks(self, client: HaloClient, options: HaloOptions) -> list[Check]:
        return run_checks(client)

    def setup_step(self) -> AssetTypeStep:
        return AssetTypeStep()

    def instance_url(self, url: str) -> str:
        return resource_root(url)

    def sandbox(self) -> Any:
        from .sandbox import command

        return command

    # Subscribe and webhooks in (discovery.py, webhooks.py)
    discovers = True
    sends_webhooks = True

    def discovered(
        self, client: HaloClient, options: HaloOptions, ids=None, since: str = ""
    ) -> Iterator[Discovered]:
        return discovery.discovered(client, options, ids)

    def webhook_event(self, body: Any) -> WebhookEvent:
        return webhooks.webhook_event(body)

    def register_webhook(self, client: HaloClient, url, username, password, name, target_id="") -> str:
        return webhooks.register_webhook(client, url, username, password, name, target_id)

    def send_test_event(self, client: HaloClient, target_id: str) -> None:
        webhooks.send_test_event(client, target_id)
