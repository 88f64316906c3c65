"""A platform's setup step in the matching wizard (see `integrations.base.platform.SetupStep`): read what
the target offers, suggest a choice per row, preview what would be created, then create it and save the
mapping into the connection's options. The writes to the target are audited like a publish's: a run of
kind "setup" holds the calls (write-ahead), one item per row, and the options are saved with the run's
result in one transaction."""

from contextlib import closing
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from integrations.base.errors import TargetError
from integrations.base.platform import SetupOption, SetupRow, SetupStep, platform_of
from integrations.models import Connection
from sync.audit import AuditRecorder
from sync.models import Outcome, Run, RunItem, RunKind, RunStatus

CREATE = "create"  # the choice "create it", beside the target ids of existing records


class SetupError(ValueError):
    """The submitted choices do not fit what the target offers; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Change:
    """What confirming a row does: use an existing target record, or create one."""

    key: str
    title: str
    target_id: str  # "" for a create
    name: str
    create: bool


def step_of(connection: Connection) -> SetupStep | None:
    return platform_of(connection).setup_step()


def offered(connection: Connection, step: SetupStep) -> list[SetupOption]:
    """What the target holds now (one read; TargetError when it cannot be read)."""
    with closing(platform_of(connection).client(connection)) as client:
        return step.offered(client)


def rows_of(connection: Connection, step: SetupStep) -> list[SetupRow]:
    platform = platform_of(connection)
    return step.rows(platform.options(connection.options))


def suggestion(row: SetupRow, options: list[SetupOption]) -> str:
    """The saved choice while the target still has it; else a record named like the row; else create."""
    ids = {o.target_id for o in options}
    if row.chosen in ids:
        return row.chosen
    named = next((o.target_id for o in options if o.name.casefold() == row.create_name.casefold()), "")
    return named or CREATE


def plan(
    rows: list[SetupRow], options: list[SetupOption], choices: dict[str, str], noun: str = "record"
) -> list[Change]:
    """The changes the choices {row key: target id or CREATE} mean; SetupError lists every problem."""
    by_id = {o.target_id: o for o in options}
    problems, changes = [], []
    for row in rows:
        choice = (choices.get(row.key) or "").strip()
        if not choice:
            problems.append(f"{row.title}: choose an existing {noun} or “create”.")
        elif choice == CREATE:
            changes.append(Change(row.key, row.title, "", row.create_name, True))
        elif choice in by_id:
            changes.append(Change(row.key, row.title, choice, by_id[choice].name, False))
        else:
            problems.append(f"{row.title}: the target has no {noun} with id {choice[:40]}.")
    unknown = sorted(set(choices) - {row.key for row in rows})
    problems += [f"Unknown row “{key[:40]}”." for key in unknown]
    if problems:
        raise SetupError(problems)
    return changes


def apply(connection: Connection, step: SetupStep, changes: list[Change], user=None) -> Run:
    """Create what the changes create (audited), then save the mapping; returns the finished run. A
    failure of the target leaves the options as they were and the run failed with the reason."""
    platform = platform_of(connection)
    run = Run.objects.create(
        connection=connection,
        kind=RunKind.SETUP,
        status=RunStatus.RUNNING,
        started_by=user,
        started_at=timezone.now(),
    )
    creates = {c.key: c.name for c in changes if c.create}
    try:
        with closing(platform.client(connection, audit=AuditRecorder(run))) as client:
            created = step.create(client, creates)
            calls = client.stats.calls
    except TargetError as exc:
        Run.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, message=str(exc), finished_at=timezone.now()
        )
        run.refresh_from_db()
        return run
    chosen = {c.key: created.get(c.key, c.target_id) for c in changes}
    try:
        save(connection, step, run, changes, chosen, calls)
    except ValueError as exc:
        Run.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, message=str(exc), finished_at=timezone.now()
        )
    connection.refresh_from_db(fields=["options"])
    run.refresh_from_db()
    return run


def save(
    connection: Connection,
    step: SetupStep,
    run: Run,
    changes: list[Change],
    chosen: dict[str, str],
    calls: int,
) -> None:
    """The mapping into the options, with the run's items and result, all or nothing."""
    creates = [c for c in changes if c.create]
    with transaction.atomic():
        current = Connection.objects.select_for_update().get(pk=connection.pk)
        current.options = step.save(current.options, chosen)
        current.save(update_fields=["options", "updated_at"])
        RunItem.objects.bulk_create(
            RunItem(
                run=run,
                step=step.slug,
                kind=step.noun,
                record_id=c.key,
                name=c.title,
                target_type=step.noun,
                target_id=chosen[c.key],
                outcome=Outcome.CREATE if c.create else Outcome.ADOPT,
                message=f"{'created' if c.create else 'uses'} {step.noun} “{c.name}”",
            )
            for c in changes
        )
        counts = {Outcome.CREATE.value: len(creates), Outcome.ADOPT.value: len(changes) - len(creates)}
        Run.objects.filter(pk=run.pk).update(
            status=RunStatus.SUCCEEDED,
            counts={k: v for k, v in counts.items() if v},
            stats={"calls": calls},
            finished_at=timezone.now(),
        )


def is_done(connection: Connection, step: SetupStep) -> bool:
    """Every row has a saved choice (whether the target still has it is checked when the step is shown)."""
    try:
        return all(row.chosen for row in rows_of(connection, step))
    except ValueError:  # options the platform cannot read: not set up
        return False
