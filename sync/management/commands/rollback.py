import uuid

from django.core.management.base import BaseCommand, CommandError

from sync import runs
from sync.cli import follow, summary
from sync.models import RESUMABLE, Run, RunStatus


def find_run(run_id: str) -> Run:
    try:
        run = Run.objects.select_related("connection").filter(pk=uuid.UUID(run_id)).first()
    except ValueError:
        run = None
    if run is None:
        raise CommandError(f"No run {run_id}.")
    return run


class Command(BaseCommand):
    help = (
        "Roll back a publish: delete what it created and put back what it changed (a queued run); "
        "a rollback of it that ended part way is resumed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--run", required=True, help="the publish run's id")
        parser.add_argument("--wait", action="store_true", help="follow the rollback until it ends")

    def handle(self, *args, **options) -> None:
        publish = find_run(options["run"])
        unfinished = publish.rollbacks.filter(status__in=(RunStatus.PARTIAL, *RESUMABLE)).first()
        try:
            run = runs.resume(unfinished) if unfinished else runs.start_rollback(publish)
        except runs.RunRefused as exc:
            raise CommandError(str(exc)) from None
        verb = "Resumed" if unfinished else "Queued"
        self.stdout.write(f"{verb} rollback {run.pk} of publish {publish.pk}.")
        if not options["wait"]:
            return
        run = follow(run, self.stdout, self.stderr)
        self.stdout.write(summary(run))
        if run.status != RunStatus.SUCCEEDED:
            raise CommandError(
                f"The rollback ended {run.get_status_display().lower()}; resume it from its page."
            )
