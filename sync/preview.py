"""The sync preview: every record of the plan compared with what the target holds now and with what was
last synced (three ways, see `sync.diff`), and classified — create, update, changed in target,
conflict, adopt, possible duplicate, unchanged, error or not published. Nothing is written to the
target. A preview is a run like a publish: queued, executed on the worker step by step with live
progress, and kept so that it can be reopened and decided on."""

from integrations.base.platform import platform_of
from sync.audit import AuditRecorder
from sync.compare import Comparer, Finding
from sync.models import Outcome, Run, RunItem, RunKind, RunStatus
from sync.plan import Plan, build_plan, carrier
from sync.progress import Tracker, drive
from sync.rows import relation_row


class Previewer:
    def __init__(self, run: Run) -> None:
        self.run = run
        connection = run.connection
        self.platform = platform_of(connection)
        self.options = self.platform.options(connection.options)
        self.recorder = AuditRecorder(run)
        self.client = self.platform.client(connection, audit=self.recorder)
        self.plan: Plan = build_plan(connection)
        totals = {s.key: 0 for s in self.plan.steps}
        for item in self.plan.items:
            totals[item.step] += 1
        for relation in self.plan.relations:
            totals[relation.step] += 1
        totals["not_published"] = len(self.plan.not_published)
        self.tracker = Tracker(run, {k: v for k, v in totals.items() if v}, self.client)

    def execute(self) -> None:
        Run.objects.filter(pk=self.run.pk).update(plan_hash=self.plan.hash)
        self.run.items.all().delete()  # a re-executed preview starts over
        comparer = Comparer(self.platform, self.client, self.options)
        findings: dict[str, Finding] = {}
        for step in self.plan.steps:
            items = self.plan.by_step(step.key)
            if step.relations or not items:
                continue
            self.tracker.checkpoint()
            found = comparer.findings(items)
            findings.update(found)
            self.save([found[i.record_id].row() for i in items])
        self.save([self.relation(r, findings) for r in self.plan.relations])
        self.save(
            [
                RunItem(
                    step="not_published",
                    kind=s.kind,
                    record_id=s.record_id,
                    name=s.name,
                    outcome=Outcome.NOT_PUBLISHED,
                    message=s.reason,
                )
                for s in self.plan.not_published
            ]
        )

    def relation(self, relation, findings: dict[str, Finding]) -> RunItem:
        """Relationships are not read back: one whose ends and carrier are all known is confirmed when
        its carrier is sent; one with a new end is created."""
        ends = [findings.get(relation.parent), findings.get(relation.child)]
        owner = carrier(self.plan, relation)
        if any(e is None or e.outcome == Outcome.ERROR for e in ends):
            return relation_row(self.plan, relation, Outcome.ERROR, "An end of this relationship fails.")
        if any(not e.item.target_id for e in ends):
            return relation_row(self.plan, relation, Outcome.CREATE)
        if owner is not None and not owner.unchanged:
            return relation_row(self.plan, relation, Outcome.UNCHANGED, "Sent again with its record.")
        return relation_row(self.plan, relation, Outcome.UNCHANGED)

    def save(self, rows: list[RunItem]) -> None:
        self.tracker.store(rows, failed=(Outcome.ERROR,))


def preview_outcome(run: Run) -> tuple[str, str]:
    errors = run.items.filter(outcome=Outcome.ERROR).count()
    return RunStatus.SUCCEEDED, f"{errors} record{'s' if errors != 1 else ''} in error." if errors else ""


def execute_preview(run: Run) -> Run:
    return drive(run, Previewer, preview_outcome)


def run_preview(connection, user=None) -> Run:
    """A preview executed here and now (the command line's and the tests' way; pages queue one)."""
    run = Run.objects.create(
        connection=connection, kind=RunKind.PREVIEW, status=RunStatus.QUEUED, started_by=user
    )
    return execute_preview(run)
