"""The subscribe-first matching wizard's logic: pull the target's records, build ranked rows, save the
choices an admin confirms (into the sync map), and summarise."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from catalog.choices import ServiceScope
from catalog.models import ITService, SoftwareProduct
from integrations.base.platform import MatchSource, platform_of
from integrations.models import Connection
from sync import aliases
from sync.matching import Candidate, Item, preselect, preselect_all
from sync.models import Direction, MatchChoice, RecordKind, SyncMapEntry, WizardVisit
from sync.scorer import PRESELECT_AT
from sync.wizard_targets import (  # noqa: F401 (the wizard's own names for them)
    Found,
    PulledTargets,
    Target,
    matcher_for,
    pull_of,
    pull_targets,
    pulled_at,
    search_targets,
    targets,
)

Decision = MatchChoice.Decision


@dataclass(frozen=True)
class Step:
    """One matching step: a kind of portfolio record and what the target offers for it."""

    kind: str
    slug: str
    title: str
    table: str  # the target type offered
    versioned: bool

    @property
    def noun(self) -> str:
        """The title inside a sentence: "software products", but "IT services"."""
        first = self.title.split(" ", 1)[0]
        return self.title if first.isupper() else self.title[:1].lower() + self.title[1:]

    @classmethod
    def of(cls, source: MatchSource) -> "Step":
        return cls(source.kind, source.slug, source.title, source.target_type, source.versioned)


def steps_of(connection: Connection) -> list[Step]:
    return [Step.of(s) for s in platform_of(connection).match_sources()]


class ChoiceError(ValueError):
    """The submitted choices are inconsistent; nothing was saved."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class Row:
    local_id: str
    name: str
    version: str
    candidates: list[Candidate]
    decision: str  # match, create or skip
    choice_target_id: str
    choice_name: str
    score: int | None
    confirmed: bool
    new_local: bool = False
    synced_to: str = ""  # the target record it was already published or matched to, if synced
    flags: list[str] = field(default_factory=list)
    choice: "Target | None" = None  # the chosen target record, for its details
    link: str = ""  # where the chosen target record opens in the target
    details: dict[str, str] = field(default_factory=dict)  # candidate target id → its key details
    why: tuple[str, ...] = ()  # the chosen candidate's reasons

    @property
    def chosen_elsewhere(self) -> bool:
        """The saved match was picked by search, not among the suggestions."""
        return self.decision == Decision.MATCH and self.choice_target_id not in {
            c.target_id for c in self.candidates
        }


def local_records(connection: Connection, step: Step) -> list:
    if step.kind == RecordKind.IT_SERVICE:
        return list(
            ITService.objects.filter(namespace=connection.namespace, scope=ServiceScope.SHARED).order_by(
                "name"
            )
        )
    return list(SoftwareProduct.objects.filter(namespace=connection.namespace).order_by("name", "version"))


def build_rows(
    connection: Connection, step: Step, accept_above: int | None = None, pull: PulledTargets | None = None
) -> list[Row]:
    """One row per local record: saved choice (or the pre-selected suggestion), candidates and flags.
    `accept_above` previews the bulk action "accept all suggestions above N%, create new for the rest";
    `pull`: the step's pull, where the caller has it already (`pull_of`)."""
    pull = pull or pull_of(connection, step)
    by_target_id = {t.target_id: t for t in pull.targets}
    choices = {str(c.record_id): c for c in MatchChoice.objects.filter(connection=connection, kind=step.kind)}
    synced = {str(e.record_id): e for e in SyncMapEntry.objects.filter(connection=connection, kind=step.kind)}
    taken = {c.target_id: rid for rid, c in choices.items() if c.decision == Decision.MATCH}
    taken.update({e.target_id: rid for rid, e in synced.items()})
    visit = (
        WizardVisit.objects.filter(connection=connection, kind=step.kind)
        .values_list("visited_at", flat=True)
        .first()
    )
    matcher = matcher_for(connection, step, pull)
    platform = platform_of(connection)
    records = local_records(connection, step)
    ranked = {str(r.pk): matcher.candidates(Item.of_record(str(r.pk), r), taken=taken) for r in records}
    open_ = {key: found for key, found in ranked.items() if key not in choices or accept_above is not None}
    chosen, contested = preselect_all(open_, PRESELECT_AT if accept_above is None else accept_above)
    names = {str(r.pk): r.name for r in records}
    rows = []
    for record in records:
        key = str(record.pk)
        version = getattr(record, "version", "")
        candidates = ranked[key]
        saved = choices.get(key)
        best = chosen.get(key)
        if saved and accept_above is None:
            decision, target_id, score = saved.decision, saved.target_id, saved.score
        elif best:
            decision, target_id, score = Decision.MATCH, best.target_id, best.score
        elif key in contested:  # creating it could duplicate the contested record: a person decides
            decision, target_id, score = Decision.SKIP, "", None
        else:
            decision, target_id, score = Decision.CREATE, "", None
        entry = synced.get(key)
        row = Row(
            key,
            record.name,
            version,
            candidates,
            decision,
            target_id,
            by_target_id[target_id].name
            if target_id in by_target_id
            else (saved.target_name if saved else ""),
            score,
            confirmed=saved is not None,
            new_local=bool(visit and record.created_at > visit),
            synced_to=entry.target_id if entry and entry.last_synced_at else "",
            choice=by_target_id.get(target_id) if decision == Decision.MATCH else None,
        )
        if row.choice:
            row.link = platform.record_url(connection, step.table, target_id)
            row.why = next((c.reasons for c in candidates if c.target_id == target_id), ())
        row.details = {
            c.target_id: by_target_id[c.target_id].summary for c in candidates if c.target_id in by_target_id
        }
        if row.new_local:
            row.flags.append("new in the portfolio")
        if key in contested:
            other, target = contested[key]
            row.flags.append(f"{target} is also the best match for {names[other]}: skipped until you choose")
        if visit and any(
            by_target_id[c.target_id].first_seen_at > visit for c in candidates if c.target_id in by_target_id
        ):
            row.flags.append("new candidates in the target")
        rows.append(row)
    return rows


@transaction.atomic
def save_choices(
    connection: Connection, step: Step, decisions: dict[str, tuple[str, str]], user=None
) -> list[str]:
    """Save confirmed choices {local id: (decision, target id)} and the sync map entries they imply.
    Raises ChoiceError (nothing saved) for unknown records or target ids and duplicate claims; returns
    warnings for records whose published mapping changes."""
    locals_ = {str(r.pk): r for r in local_records(connection, step)}
    pull = pull_of(connection, step)
    pulled = {t.target_id: t for t in pull.targets}
    problems, claimed = [], {}
    for local_id, (decision, target_id) in decisions.items():
        label = locals_[local_id].name if local_id in locals_ else local_id
        if local_id not in locals_:
            problems.append(f"Unknown portfolio record {local_id} among the {step.noun}")
        elif decision not in Decision.values:
            problems.append(f"{label}: unknown choice “{decision}”")
        elif decision == Decision.MATCH and target_id not in pulled:
            problems.append(f"{label}: no {step.table} record with id {target_id or '(empty)'} in the target")
        elif decision == Decision.MATCH and target_id in claimed:
            problems.append(
                f"{label}: {pulled[target_id].name} is already chosen for {locals_[claimed[target_id]].name}"
            )
        elif decision == Decision.MATCH:
            claimed[target_id] = local_id
    others = SyncMapEntry.objects.filter(connection=connection, target_id__in=claimed).exclude(
        kind=step.kind, record_id__in=list(decisions)
    )
    problems += [f"{pulled[e.target_id].name} is already mapped to another portfolio record" for e in others]
    if problems:
        raise ChoiceError(problems)
    warnings = []
    entries = {
        str(e.record_id): e
        for e in SyncMapEntry.objects.filter(
            connection=connection, kind=step.kind, record_id__in=list(decisions)
        )
    }
    for local_id, (decision, target_id) in decisions.items():
        entry = entries.get(local_id)
        target = pulled.get(target_id)
        if entry and entry.last_synced_at and (decision != Decision.MATCH or entry.target_id != target_id):
            now_to = (
                target.name
                if target
                else ("a new record" if decision == Decision.CREATE else "nothing (skipped)")
            )
            warnings.append(
                f"{locals_[local_id].name} was already synced to {entry.target_id}; "
                f"it will now point to {now_to}."
            )
        if (
            entry
            and entry.direction == Direction.MATCHED
            and (decision != Decision.MATCH or entry.target_id != target_id)
        ):
            entry.delete()
    scores, unsuggested = scores_of(connection, step, locals_, decisions, pull)
    aliases.learn(
        connection.namespace,
        step.kind,
        step.versioned,
        [(locals_[lid].name, pulled[tid].name) for lid, tid in unsuggested],
        user,
    )
    for local_id, (decision, target_id) in decisions.items():
        target = pulled.get(target_id) if decision == Decision.MATCH else None
        MatchChoice.objects.update_or_create(
            connection=connection,
            kind=step.kind,
            record_id=local_id,
            defaults={
                "decision": decision,
                "target_id": target.target_id if target else "",
                "target_name": target.name if target else "",
                "score": scores.get(local_id) if target else None,
                "decided_by": user,
            },
        )
        if target:
            SyncMapEntry.objects.update_or_create(
                connection=connection,
                kind=step.kind,
                record_id=local_id,
                defaults={
                    "target_type": step.table,
                    "target_id": target.target_id,
                    "direction": Direction.MATCHED,
                },
            )
    WizardVisit.objects.update_or_create(
        connection=connection, kind=step.kind, defaults={"visited_at": timezone.now()}
    )
    return warnings


def scores_of(
    connection: Connection,
    step: Step,
    locals_: dict,
    decisions: dict[str, tuple[str, str]],
    pull: PulledTargets,
) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """The score of each chosen match, so that the page shows it after saving too (a match picked by
    search among the non-suggested records has none); and the (local id, target id) matches the scorer
    would not have pre-selected: a person's "this is that", learned as aliases (not of a retired record,
    which the scorer never pre-selects)."""
    matcher = matcher_for(connection, step, pull)
    scores, unsuggested = {}, []
    for local_id, (decision, target_id) in decisions.items():
        if decision != Decision.MATCH:
            continue
        record = locals_[local_id]
        candidates = matcher.candidates(Item.of_record(local_id, record))
        found = next((c.score for c in candidates if c.target_id == target_id), None)
        if found is not None:
            scores[local_id] = found
        best = preselect(candidates, PRESELECT_AT)
        if (best is None or best.target_id != target_id) and not matcher.retired_target(target_id):
            unsuggested.append((local_id, target_id))
    return scores, unsuggested


def summary(connection: Connection) -> dict[str, dict[str, int]]:
    """Per step: matched, new, skipped and not yet confirmed records."""
    result = {}
    for step in steps_of(connection):
        counts = {"matched": 0, "new": 0, "skipped": 0, "unconfirmed": 0}
        decided = dict(
            MatchChoice.objects.filter(connection=connection, kind=step.kind).values_list(
                "record_id", "decision"
            )
        )
        for record in local_records(connection, step):
            decision = decided.get(record.pk)
            key = {"match": "matched", "create": "new", "skip": "skipped"}.get(decision, "unconfirmed")
            counts[key] += 1
        result[step.slug] = counts
    return result
