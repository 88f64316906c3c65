"""The contract every target platform implements, the plain data that crosses it, and the registry by
platform name. `sync` talks to targets only through this module; a platform package implements it and
registers itself (one line in `integrations.platforms`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from integrations.base.calls import CallRecord
from integrations.base.errors import Unsupported
from integrations.base.subscribing import (  # noqa: F401  (part of the contract, kept in its own module)
    DISCOVERED_TYPES,
    Deleted,
    Discovered,
    Pulled,
    WebhookEvent,
)

Audit = Callable[[CallRecord], None]


@dataclass(frozen=True)
class Step:
    """One publish step, in dependency order; `relations` steps carry links between records."""

    key: str
    title: str
    relations: bool = False


@dataclass(frozen=True)
class Reference:
    """A value the target knows by its own id, looked up by a natural key (a user by e-mail, a company
    by name). Resolved in batches before anything is compared or written."""

    kind: str
    key: str


@dataclass(slots=True)
class Record:
    """A portfolio record as the target will hold it: identity (kind, record id, target type) apart from
    the compared values."""

    step: str
    kind: str
    record_id: str
    name: str
    target_type: str
    values: dict[str, str]
    references: dict[str, Reference] = field(default_factory=dict)
    group: str = ""  # records that travel together (an application and its deployments)
    related: tuple[str, ...] = ()  # what this record's relations point to, in the hash
    identity: frozenset[str] = frozenset()  # fields an adopted record keeps by default


class Relation(NamedTuple):
    """A link between two records (a tuple: plans hold hundreds of thousands of them)."""

    step: str
    parent: str  # record id
    child: str  # record id
    type: str


class Omitted(NamedTuple):
    """A portfolio record the platform does not publish, and why."""

    kind: str
    record_id: str
    name: str
    reason: str


@dataclass
class Mapping:
    records: list[Record] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    omitted: list[Omitted] = field(default_factory=list)


@dataclass(frozen=True)
class TargetRef:
    type: str
    id: str


@dataclass(frozen=True)
class Current:
    """A target record as read now."""

    values: dict[str, str]
    version: str = ""  # a marker that changes with every write (a counter, a timestamp)
    updated_by: str = ""
    updated_on: str = ""


@dataclass(frozen=True)
class Near:
    ref: TargetRef
    name: str
    score: int


@dataclass(frozen=True)
class Identified:
    """What the target holds for a record the sync map does not know: the record it would update
    (`ref`), or a similar one (`near`), or an error from the target."""

    ref: TargetRef | None = None
    near: Near | None = None
    error: str = ""
    exact: bool = False  # `near` is the same record under the platform's own rules


@dataclass(frozen=True)
class Write:
    """One record to write: `values` are exactly the fields to send (all of them for a create)."""

    record: Record
    target_id: str = ""  # "" for a create
    values: dict[str, str] = field(default_factory=dict)
    version: str = ""  # as read before the write
    relations: tuple[tuple[Relation, TargetRef | None, TargetRef | None], ...] = ()  # with ends' refs
    resumed: bool = False  # an earlier attempt may have created it already


@dataclass(frozen=True)
class RelationResult:
    relation: Relation
    ok: bool
    target_id: str = ""
    created: bool = False
    error: str = ""
    target_type: str = ""


@dataclass(frozen=True)
class ItemResult:
    record_id: str
    ok: bool
    operation: str = ""  # created | updated | unchanged | found (an interrupted attempt created it)
    target_id: str = ""
    target_type: str = ""
    version: str = ""  # after the write
    error: str = ""
    relations: tuple[RelationResult, ...] = ()


@dataclass
class ApplyContext:
    """What the sync engine lends a platform while it writes one step."""

    commit: Callable[[list[ItemResult]], None]  # after every batch: results are recorded at once
    checkpoint: Callable[[], None]  # between calls: raises when the run must stop
    before_create: Callable[[Record], None]  # before a create that is not safe to repeat


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    message: str


@dataclass(frozen=True)
class MatchSource:
    """What the matching wizard can pair a kind of portfolio record with in the target."""

    kind: str
    slug: str
    title: str
    target_type: str
    versioned: bool


@dataclass(frozen=True)
class Candidate:
    target_id: str
    name: str
    version: str = ""
    manufacturer: str = ""
    details: tuple[tuple[str, str], ...] = ()  # (label, value): what tells look-alikes apart, e.g. a number
    # the target's own status says the record is no longer used (matching prefers a live record to it);
    # a platform that lists no such records leaves it False
    retired: bool = False


@dataclass(frozen=True)
class SetupOption:
    """A target record an admin may choose in a setup step (e.g. an existing asset type)."""

    target_id: str
    name: str


@dataclass(frozen=True)
class SetupRow:
    """One thing a setup step maps: a role of the portfolio, the target record it uses now (its id in the
    connection's options, "" when none), and the name the product gives a record it creates for it."""

    key: str
    title: str
    chosen: str = ""
    create_name: str = ""


class SetupStep(ABC):
    """What a platform needs set up in the target before matching and publishing (HaloITSM: the asset
    types the portfolio's roles are published as). Optional: the matching wizard shows it first when a
    platform offers one. The engine previews, validates, audits and saves; the platform reads, creates
    and says how a choice is kept in the connection's options."""

    slug: str = "setup"
    title: str = "Setup"
    noun: str = "record"  # what a row maps to, e.g. "asset type"
    intro: str = ""

    @abstractmethod
    def offered(self, client: Any) -> list[SetupOption]:
        """What the target holds to choose from (read now)."""

    @abstractmethod
    def rows(self, options: Any) -> list[SetupRow]:
        """The roles to map, with what the connection's options hold for them."""

    @abstractmethod
    def create(self, client: Any, names: dict[str, str]) -> dict[str, str]:
        """Create the records named {row key: name} and return {row key: target id}. Must be safe to
        repeat: a record of the same name already there is used, not created again."""

    @abstractmethod
    def save(self, data: dict[str, Any], chosen: dict[str, str]) -> dict[str, Any]:
        """The connection's options with the chosen {row key: target id} (ValueError when invalid)."""


class Platform(ABC):
    """A target platform. Implementations are stateless; the client carries the connection."""

    name: str
    label: str

    @abstractmethod
    def options(self, data: dict[str, Any] | None) -> Any:
        """Validated connection options (raises ValueError with a readable message)."""

    @abstractmethod
    def option_fields(self) -> dict[str, Any]:
        """Form fields of the options, by option name (drives the connection form)."""

    @abstractmethod
    def client(self, connection: Any, audit: Audit | None = None) -> Any:
        """A client for the connection; exposes `stats` (ClientStats)."""

    @abstractmethod
    def steps(self, options: Any) -> list[Step]: ...

    @abstractmethod
    def map(self, snapshot: Any, options: Any) -> Mapping:
        """The portfolio as target records: payloads, relations, and what is not published."""

    @abstractmethod
    def resolve(
        self, client: Any, references: Iterable[Reference], options: Any, create: bool = False
    ) -> dict[Reference, str]:
        """Target ids of references (missing: not found). `create` may create what the options allow."""

    @abstractmethod
    def identify(self, client: Any, records: list[Record], options: Any) -> dict[str, Identified]:
        """For records the sync map does not know: what the target holds (dry run, batched)."""

    @abstractmethod
    def read(self, client: Any, refs: list[TargetRef], fields: set[str]) -> dict[TargetRef, Current]:
        """Current values of target records, batched; a record that is gone is absent."""

    @abstractmethod
    def apply(
        self, client: Any, step: Step, writes: list[Write], options: Any, context: ApplyContext
    ) -> None:
        """Write a step's records in batches, handing each batch's results to `context.commit`."""

    @abstractmethod
    def delete(self, client: Any, ref: TargetRef) -> None:
        """Delete one record (NotFound when it is already gone)."""

    @abstractmethod
    def restore(self, client: Any, ref: TargetRef, values: dict[str, str]) -> str:
        """Put previous values back; returns the record's version after the write."""

    @abstractmethod
    def portfolio_value(self, kind: str, field_name: str, value: str) -> tuple[str, str] | None:
        """The portfolio attribute and value a target field's value stands for ("take into the
        portfolio"); None when the field has no portfolio counterpart."""

    @abstractmethod
    def match_sources(self) -> list[MatchSource]: ...

    @abstractmethod
    def candidates(self, client: Any, source: MatchSource) -> Iterator[Candidate]:
        """Every target record a source offers for matching (streamed)."""

    @abstractmethod
    def checks(self, client: Any, options: Any) -> list[Check]:
        """The connection test."""

    @abstractmethod
    def sandbox(self) -> Any:
        """The platform's sandbox command module: `add_arguments(parser)` and `serve(options, out)`."""

    # What an admin installs in the target before the first publish (its name on the pages); "" when the
    # platform needs nothing installed.
    package_label: str = ""
    # The authentication methods (integrations.models.AuthMethod values) the platform supports; empty: all.
    # With one, the connection form shows only that method's credentials.
    auth_methods: tuple[str, ...] = ()
    # Secret fields the platform asks for whichever method signs in (GLPI: the App-Token).
    always_secrets: tuple[str, ...] = ()
    # The connection form's labels and help texts where the platform names a field its own way.
    connection_labels: dict[str, tuple[str, str]] = {}

    def instance_url(self, url: str) -> str:
        """The instance's address as a connection stores it, from what an admin typed or pasted (e.g.
        without the API path a platform's own settings page shows)."""
        return url.strip()

    def setup_step(self) -> SetupStep | None:
        """The platform's setup step, or None when it needs none (optional)."""
        return None

    def record_url(self, connection: Any, target_type: str, target_id: str) -> str | None:
        """A link to one record in the target's own user interface, or None where the platform has none
        (optional: the record is then shown without a link)."""
        return None

    # Subscribe and webhooks in (optional: a platform without them keeps these defaults, and the
    # subscribe and webhook pages say it offers none).
    discovers: bool = False  # `discovered` pulls assets
    sends_webhooks: bool = False  # `webhook_event`, `register_webhook` and `send_test_event` work

    pulls_records: bool = False  # `pulled` and `deleted_since` read back published kinds (the CMDB pull)

    def discovered(
        self, client: Any, options: Any, ids: Iterable[str] | None = None, since: str = ""
    ) -> Iterator[Discovered]:
        """The assets the target discovered (all of them, or only `ids`; an id that is gone is absent;
        with `since`, only those updated at or after it, in the target's time), streamed. None by
        default: the platform offers no discovery."""
        return iter(())

    def pulled(self, client: Any, options: Any, since: str = "") -> Iterator[Pulled]:
        """The target's records of the kinds the platform publishes (all of them, or those updated at or
        after `since`), streamed in pages; none by default."""
        return iter(())

    def deleted_since(self, client: Any, options: Any, since: str) -> list[Deleted]:
        """Records of the pulled and discovered kinds deleted at or after `since`; none by default."""
        return []

    def webhook_event(self, body: Any) -> WebhookEvent:
        """The event a webhook body (parsed JSON) describes; raises ValueError with a readable reason
        when it is not one."""
        raise ValueError(f"{self.label} sends no webhooks that Portfolio Bridge understands.")

    def register_webhook(
        self, client: Any, url: str, username: str, password: str, name: str, target_id: str = ""
    ) -> str:
        """Create (or, with `target_id`, update) the target's webhook that posts asset changes to `url`
        with these Basic credentials; returns its id in the target."""
        raise Unsupported(f"{self.label} webhooks cannot be registered through its API.")

    def send_test_event(self, client: Any, target_id: str) -> None:
        """Ask the target to send a test delivery through its webhook `target_id`."""
        raise Unsupported(f"{self.label} cannot be asked to send a test event.")

    def changes(self, client: Any) -> Any:
        """The platform's change requests (`integrations.base.changes.ChangeApi`) over a client
        (optional: pipelines can gate deployments only on a platform that has them)."""
        raise Unsupported(f"{self.label} change requests are not supported.")


_registry: dict[str, Platform] = {}


def register(platform: Platform) -> Platform:
    _registry[platform.name] = platform
    return platform


def platforms() -> dict[str, Platform]:
    from integrations import platforms as _loaded  # noqa: F401  (registers every platform)

    return dict(_registry)


def platform_named(name: str) -> Platform:
    found = platforms().get(name)
    if found is None:
        raise LookupError(f"No platform “{name}” is available.")
    return found


def platform_of(connection: Any) -> Platform:
    return platform_named(connection.platform)
