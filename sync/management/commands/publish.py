from django.core.management.base import BaseCommand, CommandError

from integrations.management.commands.connection import find_connection
from sync import runs
from sync.cli import follow, summary
from sync.models import RunStatus


class Command(BaseCommand):
    help = (
        "Queue a publish of a connection on the `publish` queue (run `manage.py rqworker publish`). "
        "It needs a successful preview of the current portfolio, unless --without-preview."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--connection", required=True)
        parser.add_argument("--namespace")
        parser.add_argument("--wait", action="store_true", help="follow the run until it ends")
        parser.add_argument(
            "--without-preview",
            action="store_true",
            help="publish without a preview: changes made in the target are kept, conflicts and possible "
            "duplicates are left out, records the target's rules identify are adopted",
        )

    def handle(self, *args, **options) -> None:
        connection = find_connection(options["connection"], options["namespace"])
        try:
            run = runs.start_publish(
                connection, trigger="command", without_preview=options["without_preview"]
            )
        except runs.RunRefused as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Queued publish {run.pk} of {connection.name}.")
        if not options["wait"]:
            return
        run = follow(run, self.stdout, self.stderr)
        self.stdout.write(summary(run))
        if run.status not in (RunStatus.SUCCEEDED, RunStatus.PARTIAL):
            raise CommandError(f"The publish ended {run.get_status_display().lower()}.")
