import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from integrations.management.commands.connection import find_connection
from sync.exports import run_workbook
from sync.models import RunStatus
from sync.preview import run_preview


class Command(BaseCommand):
    help = "Preview (dry run) a publish to a connection: what it would create, update, adopt. Writes nothing."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--connection", required=True)
        parser.add_argument("--namespace")
        parser.add_argument("--format", choices=["json", "xlsx"], default="json")
        parser.add_argument("--output", help="file to write (required for xlsx)")

    def handle(self, *args, **options) -> None:
        connection = find_connection(options["connection"], options["namespace"])
        if options["format"] == "xlsx" and not options["output"]:
            raise CommandError("--format xlsx needs --output FILE.xlsx")
        run = run_preview(connection)
        if run.status == RunStatus.FAILED:
            raise CommandError(f"The preview failed: {run.message}")
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
                    "target_table": i.target_table,
                    "target_sys_id": i.target_sys_id,
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
