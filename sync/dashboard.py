"""The home page: per namespace, its portfolio's size; per connection, a getting-started checklist, its
last preview and publish with status and counts, decisions waiting, and the buttons to preview and to
publish."""

from dataclasses import dataclass, field

from django.shortcuts import render
from django.urls import reverse
from django.views import View

from catalog.access import has_role, namespaces_for, role_in
from catalog.choices import Role
from catalog.models import (
    BusinessApplication,
    Contact,
    InfrastructureItem,
    ITService,
    ProductContract,
    SoftwareProduct,
    Supplier,
)
from catalog.views.generic import NamespaceMixin
from integrations.base.platform import platform_of
from integrations.models import Connection
from sync import decisions, runs, setup
from sync.models import ChangeKind, MatchChoice, Outcome, Run, RunKind, RunStatus
from sync.run_views import CONFIGURATION_HINT, publish_summary
from sync.subscribe import newest_pull

PORTFOLIO = (
    (BusinessApplication, "application"),
    (ITService, "itservice"),
    (SoftwareProduct, "softwareproduct"),
    (ProductContract, "contract"),
    (Supplier, "supplier"),
    (Contact, "contact"),
    (InfrastructureItem, "infrastructure"),
)


@dataclass(frozen=True)
class SetupStep:
    """One step of getting a connection to its first publish."""

    label: str
    done: bool
    url: str


def checklist(connection: Connection, preview: Run | None, publish: Run | None) -> list[SetupStep]:
    """Connected → tested → configuration package installed (if the platform has one) → matched →
    previewed → published, each from what the connection has recorded and linking to where it is done."""
    ns, pk = connection.namespace.slug, connection.pk
    platform = platform_of(connection)
    previewed = Run.objects.filter(connection=connection, kind=RunKind.PREVIEW, status=RunStatus.SUCCEEDED)
    published = Run.objects.filter(
        connection=connection, kind=RunKind.PUBLISH, status__in=(RunStatus.SUCCEEDED, RunStatus.PARTIAL)
    )
    detail = reverse("integrations:connection_detail", args=[ns, pk])
    steps = [
        SetupStep("connected", True, reverse("integrations:connection_edit", args=[ns, pk])),
        SetupStep("tested", connection.last_tested_at is not None, detail),
    ]
    if platform.package_label:
        # the latest preview that got through tells: it found no rule or data source missing
        last = previewed.first()
        installed = (
            last is not None
            and not last.items.filter(outcome=Outcome.ERROR, message__contains=CONFIGURATION_HINT).exists()
        )
        steps.append(
            SetupStep(
                f"{platform.package_label} installed",
                installed or published.exists(),
                reverse("integrations:update_set_checklist", args=[ns, pk]),
            )
        )
    setup_step = platform.setup_step()
    if setup_step is not None:  # e.g. the types records are published as, mapped before matching
        steps.append(
            SetupStep(
                f"{setup_step.title.lower()} set up",
                setup.is_done(connection, setup_step),
                reverse("sync:match_setup", args=[ns, pk]),
            )
        )
    sources = platform.match_sources()
    steps.append(
        SetupStep(
            "matched",
            MatchChoice.objects.filter(connection=connection).exists(),
            reverse("sync:match_step", args=[ns, pk, sources[0].slug])
            if sources
            else reverse("sync:match_start", args=[ns]),
        )
    )
    steps.append(SetupStep("previewed", previewed.exists(), run_url(ns, preview)))
    steps.append(SetupStep("published", published.exists(), run_url(ns, publish)))
    return steps


def run_url(namespace_slug: str, run: Run | None) -> str:
    return reverse("sync:run_detail", args=[namespace_slug, run.pk]) if run else ""


def portfolio_counts(namespace) -> list[tuple[str, str]]:
    """Each kind of portfolio record, counted in words ("1 IT service", "12 contacts"), with its list."""
    counts = []
    for model, url_base in PORTFOLIO:
        n = model.objects.filter(namespace=namespace).count()
        noun = model._meta.verbose_name if n == 1 else model._meta.verbose_name_plural
        counts.append((f"{n:,} {noun}", reverse(f"catalog:{url_base}_list", args=[namespace.slug])))
    return counts


@dataclass
class ConnectionStatus:
    connection: Connection
    preview: Run | None
    publish: Run | None
    active: Run | None
    pending: int
    blocker: str
    summary: str  # what a publish would do, from the latest preview
    setup: list[SetupStep] = field(default_factory=list)
    differences: int = 0  # subscribe: rows of the newest ready pull nobody decided on yet

    @property
    def next_step(self) -> SetupStep | None:
        return next((step for step in self.setup if not step.done), None)


def status_of(connection: Connection) -> ConnectionStatus:
    blocker = runs.publish_blocker(connection)  # reaps runs whose worker died
    active = runs.active_run(connection, reaped=True)
    preview = runs.latest(connection, RunKind.PREVIEW)
    previewed = preview is not None and preview.status == RunStatus.SUCCEEDED
    publish = runs.latest(connection, RunKind.PUBLISH)
    return ConnectionStatus(
        connection,
        preview,
        publish,
        active,
        decisions.pending(preview) if previewed else 0,
        blocker,
        publish_summary(preview) if previewed else "",
        checklist(connection, preview, publish),
        pending_differences(connection),
    )


def pending_differences(connection: Connection) -> int:
    """What the newest ready pull still asks a person to decide (unchanged rows never do)."""
    pull = newest_pull(connection)
    if pull is None:
        return 0
    return pull.changes.filter(applied_at__isnull=True).exclude(kind=ChangeKind.UNCHANGED).count()


def sections(namespaces, user) -> list[dict]:
    connections: dict = {}
    for connection in Connection.objects.filter(namespace__in=namespaces, is_active=True).order_by("name"):
        connections.setdefault(connection.namespace_id, []).append(status_of(connection))
    return [
        {
            "namespace": ns,
            "connections": connections.get(ns.pk, []),
            "is_admin": has_role(role_in(user, ns), Role.ADMIN),
            "portfolio": portfolio_counts(ns),
        }
        for ns in namespaces
    ]


class HomeView(View):
    def get(self, request):
        namespaces = list(namespaces_for(request.user).order_by("name"))
        context = {"sections": sections(namespaces, request.user)}
        if len(namespaces) == 1:  # the navigation of the only namespace
            context.update(namespace=namespaces[0], role=role_in(request.user, namespaces[0]))
        return render(request, "sync/dashboard.html", context)


class NamespaceDashboardView(NamespaceMixin, View):
    def get(self, request, namespace: str):
        context = {
            "namespace": self.namespace,
            "role": self.role,
            "sections": sections([self.namespace], request.user),
        }
        return render(request, "sync/dashboard.html", context)
