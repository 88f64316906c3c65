"""Every page of the site, read from the URLconf, with its path parameters filled from one namespace's
records: the page-rendering test and the query fuzz test walk the same list, so a new page is covered by
both without being named anywhere."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from catalog.choices import Role
from catalog.models import (
    BusinessApplication,
    Contact,
    DeploymentProfile,
    InfrastructureItem,
    ITService,
    ProductContract,
    SoftwareProduct,
    Supplier,
)
from integrations.models import Connection
from pipelines.models import ChangeRequest, EventKind, PipelineToken
from pipelines.tokens import create_token
from sync import wizard
from sync.models import (
    AuditEntry,
    ChangeKind,
    Direction,
    MatchAlias,
    Outcome,
    Pull,
    PullChange,
    PullStatus,
    RecordKind,
    Run,
    RunItem,
    RunKind,
    RunStatus,
    SyncMapEntry,
)
from tests.conftest import member
from tests.factories import (
    BusinessApplicationFactory,
    ConnectionFactory,
    ContactFactory,
    DeploymentProfileFactory,
    InfrastructureItemFactory,
    ITServiceFactory,
    ProductContractFactory,
    SoftwareProductFactory,
    SupplierFactory,
)
from tickets.mapping import default_mapping_text
from tickets.models import TicketConflict, TicketPair, TicketSyncLog

# Left out on purpose, by URL name or namespace, each with the reason.
SKIPPED = {
    "admin": "Django's own admin site, tested by Django",
    "catalog:export": "file download (tested in tests/catalog/test_transfer.py)",
    "integrations:update_set_download": "file download (tested in tests/sync/test_configuration_package.py)",
    "sync:match_export": "file download (tested in tests/sync/test_wizard.py)",
    "sync:subscribe_export": "file download (tested in tests/sync/test_subscribe_merge_pages.py)",
    "tickets:pair_export": "file download (tested in tests/tickets/test_exports.py)",
    "tickets:pair_update_set": "file download (tested in tests/tickets/test_update_set_hooks.py)",
    "sync:webhook_receive": "the target's webhook endpoint: Basic credentials instead of a login "
    "(tested in tests/sync/test_webhooks.py)",
    "tickets:hook_receive": "a ticket pair's webhook endpoint: a bearer secret instead of a login "
    "(tested in tests/tickets/test_webhooks.py)",
    "pipeline_api": "the pipeline API: token authentication instead of a login (tested in tests/pipelines/)",
    "tickets:api_alerts": "the alert API: a token of scope alerts instead of a login "
    "(tested in tests/tickets/test_alerts.py)",
}
# Views whose `<pk>` names no `model` of the view: which record it is.
PK_OBJECTS = {
    "sync:run_detail": Run,
    "sync:run_audit": Run,
    "sync:run_progress": Run,
    "sync:run_action": Run,
    "sync:match_summary": Connection,
    "sync:match_setup": Connection,
    "sync:match_step": Connection,
    "sync:match_pull": Connection,
    "sync:match_search": Connection,
    "sync:match_import": Connection,
    "sync:match_alias_remove": MatchAlias,
    "sync:publish_start": Connection,
    "sync:preview_start": Connection,
    "sync:subscribe": Connection,
    "sync:subscribe_pull": Connection,
    "sync:subscribe_merge": Connection,
    "sync:subscribe_export": Connection,
    "sync:subscribe_settings": Connection,
    "sync:webhook_credentials": Connection,
    "sync:webhook_test": Connection,
    "pipelines:token_revoke": PipelineToken,
}
# Pages of one platform's connections only (others answer 404): which platform's connection they show.
PLATFORM_PAGES = {"integrations:glpi_entities": "glpi"}
PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


@dataclass(frozen=True)
class Page:
    name: str  # namespaced URL name
    route: str
    view_class: type | None
    initkwargs: dict[str, Any]

    @property
    def parameters(self) -> list[str]:
        return PARAMETER.findall(self.route)

    @property
    def gettable(self) -> bool:
        view = self.view_class
        return view is not None and hasattr(view, "get") and "get" in view.http_method_names

    @property
    def skipped(self) -> str:
        return SKIPPED.get(self.name) or SKIPPED.get(self.name.partition(":")[0], "")


def site_pages(patterns=None, prefix: str = "", namespace: str = "") -> Iterator[Page]:
    """Every named URL pattern, includes followed."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = ":".join(n for n in (namespace, entry.namespace) if n)
            yield from site_pages(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            callback = entry.callback
            yield Page(
                f"{namespace}:{entry.name}" if namespace else entry.name,
                route,
                getattr(callback, "view_class", None),
                dict(getattr(callback, "view_initkwargs", {})),
            )


def make_site(namespace) -> dict[Any, Any]:
    """One record of every kind in `namespace`, a finished preview with rows and calls, and an admin."""
    contact = ContactFactory(namespace=namespace)
    supplier = SupplierFactory(namespace=namespace)
    service = ITServiceFactory(namespace=namespace, owner=contact)
    product = SoftwareProductFactory(namespace=namespace)
    application = BusinessApplicationFactory(namespace=namespace, owner=contact, vendor=supplier)
    deployment = DeploymentProfileFactory(
        application=application, it_services=[service], software_products=[product]
    )
    contract = ProductContractFactory(
        namespace=namespace, supplier=supplier, annual_cost=1200, currency="EUR"
    )
    contract.software_products.add(product)
    contract.applications.add(application)
    infrastructure = InfrastructureItemFactory(namespace=namespace, deployments=[deployment])
    connection = ConnectionFactory(namespace=namespace, name="snow")
    glpi = ConnectionFactory(
        namespace=namespace,
        name="glpi",
        platform="glpi",
        instance_url="https://glpi.example.invalid/apirest.php",
        auth_method="user_token",
        client_secret="app-token",
        refresh_token="user-token",
        username="",
        password="",
        options={"entity_id": 1},
    )
    run = Run.objects.create(
        connection=connection,
        kind=RunKind.PREVIEW,
        status=RunStatus.SUCCEEDED,
        started_at=timezone.now(),
        finished_at=timezone.now(),
        counts={Outcome.ADOPT: 1, Outcome.CONFLICT: 1},
    )
    RunItem.objects.create(
        run=run,
        step="applications",
        kind="application",
        record_id=str(application.pk),
        name=application.name,
        outcome=Outcome.ADOPT,
        target_type="cmdb_ci_business_app",
        target_id="a" * 32,
    )
    RunItem.objects.create(
        run=run,
        step="applications",
        kind="application",
        record_id=str(application.pk),
        name=application.name,
        outcome=Outcome.CONFLICT,
        diff={"name": {"state": "conflict", "portfolio": "A", "last": "B", "target": "C"}},
    )
    AuditEntry.objects.create(run=run, method="GET", path="/api/now/table/x", status=200, duration_ms=3)
    AuditEntry.objects.create(run=run, method="POST", path="/api/now/table/y", status=500, duration_ms=9)
    SyncMapEntry.objects.create(
        connection=connection,
        kind=RecordKind.APPLICATION,
        record_id=application.pk,
        target_type="cmdb_ci_business_app",
        target_id="b" * 32,
        direction=Direction.PUBLISHED,
        last_synced_at=timezone.now(),
    )
    pull = Pull.objects.create(connection=connection, status=PullStatus.READY, counts={"changed": 1})
    PullChange.objects.create(
        pull=pull,
        kind=ChangeKind.CHANGED,
        target_id="7",
        name=infrastructure.name,
        item=infrastructure,
        values={"name": infrastructure.name, "model": "New"},
        current={"name": infrastructure.name, "model": "Old", "deployments": [str(deployment.pk)]},
        fields=["model"],
        suggested=[[str(deployment.pk), str(deployment), "linked in the source"]],
    )
    pair = TicketPair.objects.create(
        namespace=namespace, name="helpdesk", glpi=glpi, servicenow=connection, mapping=default_mapping_text()
    )
    link = pair.links.create(glpi_id=7, servicenow_sys_id="e" * 32, servicenow_number="INC0010001")
    TicketConflict.objects.create(pair=pair, link=link, field="name", glpi_value="A", servicenow_value="B")
    TicketSyncLog.objects.create(pair=pair, link=link, message="linked GLPI #7 with INC0010001")
    alias = MatchAlias.objects.create(
        namespace=namespace, kind="it_service", phrase="Cyber Ops", means="Security Operations Center"
    )
    token = create_token(namespace, "deploy").token
    change = ChangeRequest.objects.create(
        namespace=namespace,
        connection=connection,
        token=token,
        deployment=deployment,
        application=application.app_id,
        environment=deployment.environment,
        sys_id="c" * 32,
        number="CHG0030001",
        type="normal",
        state="-4",
        state_label="Assess",
        approval="requested",
        url="https://127.0.0.1:8443/nav_to.do?uri=change_request.do?sys_id=" + "c" * 32,
    )
    change.events.create(kind=EventKind.CREATED, message="normal change CHG0030001", token_name="deploy")
    change.events.create(
        kind=EventKind.ATTACHMENT,
        message="junit.xml (10 bytes)",
        token_name="deploy",
        data={
            "file_name": "junit.xml",
            "size_bytes": 10,
            "content_type": "application/xml",
            "download_link": "https://127.0.0.1:8443/api/now/attachment/1/file",
            "sys_id": "d" * 32,
        },
    )
    return {
        "namespace": namespace,
        "admin": member(namespace, Role.ADMIN),
        "change": change,
        PipelineToken: token,
        "pull": pull,
        "step": wizard.steps_of(connection)[0].slug,
        Contact: contact,
        Supplier: supplier,
        ITService: service,
        SoftwareProduct: product,
        BusinessApplication: application,
        DeploymentProfile: deployment,
        ProductContract: contract,
        InfrastructureItem: infrastructure,
        Connection: connection,
        "glpi": glpi,
        Run: run,
        TicketPair: pair,
        MatchAlias: alias,
    }


def model_of(page: Page) -> type | None:
    return (
        page.initkwargs.get("model") or getattr(page.view_class, "model", None) or PK_OBJECTS.get(page.name)
    )


def fill(page: Page, site: dict) -> str:
    """The page's URL with every path parameter filled; LookupError names one that cannot be."""
    values: dict[str, Any] = {}
    for parameter in page.parameters:
        if parameter == "namespace":
            values[parameter] = site["namespace"].slug
        elif parameter == "application":
            values[parameter] = site[BusinessApplication].pk
        elif parameter == "action":
            values[parameter] = "cancel"
        elif parameter == "slug" and model_of(page) is Connection:
            values[parameter] = site["step"]
        elif parameter == "number":
            values[parameter] = site["change"].number
        elif parameter == "pull_pk":
            values[parameter] = site["pull"].pk
        elif parameter == "pk" and page.name in PLATFORM_PAGES:
            values[parameter] = site[PLATFORM_PAGES[page.name]].pk
        elif parameter == "pk" and model_of(page) in site:
            values[parameter] = site[model_of(page)].pk
        else:
            raise LookupError(
                f"{page.name} ({page.route}): no value for <{parameter}>; teach tests/site_pages.py one"
            )
    return reverse(page.name, kwargs=values)
