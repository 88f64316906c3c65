import time

from django.core.management.base import BaseCommand, CommandError

from integrations.management.commands.connection import find_connection
from sync import runs
from sync.models import ACTIVE, Run, RunStatus

WORKER_HINT_AFTER = 10  # seconds queued before suggesting that no worker is running


class Command(BaseCommand):
    help = "Queue a publish of a connection on the `publish` queue (run `manage.py rqworker publish`)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--connection", required=True)
        parser.add_argument("--namespace")
        parser.add_argument("--wait", action="store_true", help="follow the run until it ends")

    def handle(self, *args, **options) -> None:
        connection = find_connection(options["connection"], options["namespace"])
        try:
            run = runs.start_publish(connection, trigger="command")
        except runs.RunRefused as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Queued publish {run.pk} of {connection.name}.")
        if not options["wait"]:
            return
        run = self.follow(run)
        self.stdout.write(
            f"{run.get_status_display()}: {run.counts}" + (f" — {run.message}" if run.message else "")
        )
        if run.status not in (RunStatus.SUCCEEDED, RunStatus.PARTIAL):
            raise CommandError(f"The publish ended {run.get_status_display().lower()}.")

    def follow(self, run: Run) -> Run:
        started, last, hinted = time.monotonic(), "", False
        while True:
            run.refresh_from_db()
            if run.status == RunStatus.RUNNING:
                runs.reap(run.connection)
                run.refresh_from_db()
            if run.status not in ACTIVE:
                return run
            line = ", ".join(f"{step} {p['done']}/{p['total']}" for step, p in run.progress.items())
            if line and line != last:
                self.stdout.write(line)
                last = line
            if (
                run.status == RunStatus.QUEUED
                and not hinted
                and time.monotonic() - started > WORKER_HINT_AFTER
            ):
                self.stderr.write("Still queued: is a worker running (manage.py rqworker publish)?")
                hinted = True
            time.sleep(1)
