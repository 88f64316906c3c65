import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalog.models import Namespace
from catalog.transfer import limits
from integrations.base.errors import TargetError
from integrations.management.commands.connection import find_connection
from integrations.models import Connection
from sync import aliases, match_io, wizard
from sync.setup_cli import run_setup

KINDS = {"it_services": "it_service", "software_products": "software_product"}


class Command(BaseCommand):
    help = (
        "Print or write the match suggestions and choices of a connection, or import an edited table; "
        "`match aliases --namespace N [--add A=B --kind K | --remove ID]` lists, adds or undoes aliases."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", nargs="?", choices=["aliases"], help="the namespace's matching aliases")
        parser.add_argument("--connection")
        parser.add_argument("--namespace")
        parser.add_argument("--add", metavar="PORTFOLIO=TARGET", help="with aliases: add one (and --kind)")
        parser.add_argument("--remove", metavar="ID", help="with aliases: undo an alias")
        what = parser.add_mutually_exclusive_group()
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
        if options["action"] == "aliases":
            self.aliases(options)
            return
        if options["add"] or options["remove"]:
            raise CommandError("--add and --remove go with `match aliases`.")
        if not options["connection"] or not (options["kind"] or options["setup"]):
            raise CommandError("--connection and one of --kind or --setup are required.")
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

    def aliases(self, options) -> None:
        """List, add (--add A=B --kind K) or undo (--remove ID) the namespace's matching aliases."""
        slug = options["namespace"]
        namespace = Namespace.objects.filter(slug=slug).first() if slug else None
        if namespace is None:
            raise CommandError(f"No namespace {slug!r}." if slug else "`match aliases` needs --namespace.")
        try:
            if options["add"]:
                phrase, sep, means = options["add"].partition("=")
                if not sep or not options["kind"]:
                    raise CommandError("--add takes PORTFOLIO=TARGET, and --kind.")
                alias = aliases.add(namespace, KINDS[options["kind"]], phrase, means)
                self.stdout.write(f"Added alias {alias.pk}: {alias.phrase} = {alias.means}")
            elif options["remove"]:
                alias = aliases.remove(namespace, options["remove"])
                self.stdout.write(f"Undid alias {options['remove']}: {alias.phrase} = {alias.means}")
            else:
                kind = KINDS[options["kind"]] if options["kind"] else None
                for alias in aliases.listed(namespace, kind):
                    source = "learned" if alias.learned else "added"
                    self.stdout.write(f"{alias.pk}\t{alias.kind}\t{alias.phrase} = {alias.means}\t{source}")
        except aliases.AliasError as exc:
            raise CommandError(str(exc)) from None
