import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalog.transfer import limits
from integrations.base.errors import TargetError
from integrations.management.commands.connection import find_connection
from integrations.models import Connection
from sync import match_io, wizard
from sync.setup_cli import run_setup

KINDS = {"it_services": "it_service", "software_products": "software_product"}


class Command(BaseCommand):
    help = "Print or write the match suggestions and choices of a connection, or import an edited table."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--connection", required=True)
        parser.add_argument("--namespace")
        what = parser.add_mutually_exclusive_group(required=True)
        what.add_argument("--kind", choices=list(KINDS))
        what.add_argument(
            "--setup",
            action="store_true",
            help="the platform's setup step (e.g. the types records are published as), if it has one",
        )
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="ROW=ID",
            help="with --setup: use this existing target record for a row (repeatable)",
        )
        parser.add_argument(
            "--create-missing", action="store_true", help="with --setup: create what no row maps to yet"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="with --setup: print what would happen, write nothing"
        )
        parser.add_argument("--format", choices=["json", "xlsx"], default="json")
        parser.add_argument("--output", help="file to write (required for xlsx)")
        parser.add_argument("--refresh", action="store_true", help="pull the target's records first")
        parser.add_argument(
            "--import", dest="import_file", help="apply an edited match table (.xlsx); all or nothing"
        )

    def handle(self, *args, **options) -> None:
        connection = find_connection(options["connection"], options["namespace"])
        if options["setup"]:
            run_setup(connection, options, self.stdout)
            return
        if options["map"] or options["create_missing"] or options["dry_run"]:
            raise CommandError("--map, --create-missing and --dry-run go with --setup.")
        step = next((s for s in wizard.steps_of(connection) if s.kind == KINDS[options["kind"]]), None)
        if step is None:
            raise CommandError(f"{connection.name} offers nothing to match {options['kind']} with.")
        if options["refresh"] or wizard.pulled_at(connection, step) is None:
            try:
                wizard.pull_targets(connection, step)
            except TargetError as exc:
                raise CommandError(f"Could not pull from {connection.name}: {exc}") from None
        if options["import_file"]:
            self.import_table(connection, step, Path(options["import_file"]))
            return
        if options["format"] == "xlsx":
            if not options["output"]:
                raise CommandError("--format xlsx needs --output FILE.xlsx")
            Path(options["output"]).write_bytes(match_io.export_xlsx(connection, step))
            self.stdout.write(f"Wrote {options['output']}")
            return
        text = json.dumps(match_io.rows_as_json(connection, step), indent=2, ensure_ascii=False)
        if options["output"]:
            Path(options["output"]).write_text(text)
            self.stdout.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(text)

    def import_table(self, connection: Connection, step: wizard.Step, path: Path) -> None:
        """The match-table upload of the wizard, from a file: same limits, same all-or-nothing check."""
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            limits.check_size(path.stat().st_size)
            count, warnings = match_io.import_xlsx(connection, step, path.read_bytes())
        except limits.FileRefused as exc:
            raise CommandError(f"Nothing was imported: {exc}") from None
        except match_io.MatchFileError as exc:
            for problem in exc.problems:
                self.stderr.write(problem)
            raise CommandError(f"Nothing was imported: {len(exc.problems)} problem(s).") from None
        for warning in warnings:
            self.stderr.write(warning)
        self.stdout.write(f"Imported {count} choices from {path.name}.")
