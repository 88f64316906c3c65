import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from integrations.management.commands.connection import find_connection
from sync import runs
from sync.cli import follow
from sync.exports import run_workbook
from sync.models import RunStatus
from sync.preview import run_preview


class Command(BaseCommand):
    help = (
        "Preview (dry run) a publish to a connection: each record compared with the target and the last "
        "sync. Writes nothing. Queued for the worker and followed to its end, unless --here."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--connection", required=True)
        parser.add_argument("--namespace")
        parser.add_argument("--format", choices=["json", "xlsx"], default="json")
        parser.add_argument("--output", help="file to write (required for xlsx)")
        parser.add_argument("--here", action="store_true", help="execute in this process, without a worker")

    def handle(self, *args, **options) -> None:
        connection = find_connection(options["connection"], options["namespace"])
        if options["format"] == "xlsx" and not options["output"]:
            raise CommandError("--format xlsx needs --output FILE.xlsx")
        if options["here"]:
            run = run_preview(connection)
        else:
            try:
                run = runs.start_preview(connection, trigger="command")
            except runs.RunRefused as exc:
                raise CommandError(str(exc)) from None
            self.stderr.write(f"Queued preview {run.pk} of {connection.name}.")
            run = follow(run, self.stderr, self.stderr)
        if run.status != RunStatus.SUCCEEDED:
            raise CommandError(f"The preview {run.get_status_display().lower()}: {run.message}")
        if options["format"] == "xlsx":
            Path(options["output"]).write_bytes(run_workbook(run))
            self.stdout.write(f"Wrote {options['output']}")
            return
        body = {
            "run": str(run.pk),
            "counts": run.counts,
            "items": [
                {
                    "step": i.step,
                    "kind": i.kind,
                    "record_id": i.record_id,
                    "name": i.name,
                    "outcome": i.outcome,
                    "target_type": i.target_type,
                    "target_id": i.target_id,
                    "diff": i.diff,
                    "message": i.message,
                }
                for i in run.items.all()
            ],
        }
        text = json.dumps(body, indent=2, ensure_ascii=False)
        if options["output"]:
            Path(options["output"]).write_text(text)
            self.stdout.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(text)
