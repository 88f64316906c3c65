"""`manage.py tickets discover --connection NAME` lists a connection's ticket fields (GLPI tickets or
ServiceNow incidents) with their choices; `--pair NAME` prints the mapping proposed for a pair.
`manage.py tickets sync --pair NAME [--dry-run] [--full]` runs a pair's sync and prints what it did.
`manage.py tickets export --pair NAME FILE.xlsx` writes the pair's links, conflicts and log."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from integrations.base.errors import TargetError
from integrations.glpi.tickets import GlpiTicketField
from integrations.management.commands.connection import find_connection
from tickets.discovery import discover, propose
from tickets.engine import sync_pair
from tickets.exports import pair_workbook
from tickets.models import TicketPair


def find_pair(name: str, namespace: str | None) -> TicketPair:
    matches = TicketPair.objects.filter(name=name).select_related("glpi", "servicenow")
    if namespace:
        matches = matches.filter(namespace__slug=namespace)
    found = list(matches[:2])
    if not found:
        raise CommandError(
            f"No ticket sync pair “{name}”" + (f" in namespace “{namespace}”." if namespace else ".")
        )
    if len(found) > 1:
        raise CommandError(f"Several namespaces have a pair “{name}”; add --namespace SLUG.")
    return found[0]


class Command(BaseCommand):
    help = "Ticket synchronisation between GLPI and ServiceNow: field discovery and sync runs."

    def add_arguments(self, parser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        discover_parser = commands.add_parser("discover", help="List ticket fields, or propose a mapping.")
        which = discover_parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--connection", help="a GLPI or ServiceNow connection: list its ticket fields")
        which.add_argument("--pair", help="a ticket sync pair: print the mapping proposed for it")
        discover_parser.add_argument("--namespace")
        sync_parser = commands.add_parser("sync", help="Sync a pair's tickets now and print what was done.")
        sync_parser.add_argument("--pair", required=True, help="the ticket sync pair's name")
        sync_parser.add_argument("--namespace")
        sync_parser.add_argument("--dry-run", action="store_true", help="read both sides, write nothing")
        sync_parser.add_argument("--full", action="store_true", help="read every ticket, not only changes")

        export_parser = commands.add_parser(
            "export", help="Write a pair's links, conflicts and log to Excel."
        )
        export_parser.add_argument("--pair", required=True, help="the ticket sync pair's name")
        export_parser.add_argument("--namespace")
        export_parser.add_argument("file", help="the workbook to write, ending in .xlsx")

    def handle(self, *args, **options) -> None:
        if options["command"] == "sync":
            self.sync(options)
            return
        if options["command"] == "export":
            self.export(options)
            return
        try:
            if options["pair"]:
                pair = find_pair(options["pair"], options["namespace"])
                self.stdout.write(propose(discover(pair.glpi), discover(pair.servicenow)), ending="")
                return
            connection = find_connection(options["connection"], options["namespace"])
            fields = discover(connection)
        except (TargetError, ValueError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write("field\tlabel\ttype\tsource\tchoices")
        for f in fields:
            if isinstance(f, GlpiTicketField):
                source, kind = (f"search option {f.search_id}" if f.search_id else "item"), f.datatype
            else:
                source, kind = f.defined_on + (f" → {f.reference}" if f.reference else ""), f.type
            choices = ", ".join(f"{value}={label}" for value, label in f.choices)
            self.stdout.write(f"{f.field}\t{f.label}\t{kind}\t{source}\t{choices}")

    def sync(self, options: dict) -> None:
        pair = find_pair(options["pair"], options["namespace"])
        if not pair.enabled:
            raise CommandError(f"The pair “{pair.name}” is disabled; enable it first.")
        try:
            report = sync_pair(pair, dry_run=options["dry_run"], full=options["full"])
        except (TargetError, ValueError) as exc:
            raise CommandError(str(exc)) from None
        if report.dry_run:
            self.stdout.write("Dry run: nothing was written.")
        for line in report.lines():
            self.stdout.write(line)
        if report.errors and not report.dry_run:
            raise CommandError(f"{len(report.errors)} error(s); see the pair's log.")

    def export(self, options: dict) -> None:
        path = Path(options["file"])
        if path.suffix.lower() != ".xlsx":
            raise CommandError(f"Name the workbook FILE.xlsx; “{path}” is not one.")
        if not path.parent.is_dir():
            raise CommandError(f"The folder “{path.parent}” does not exist.")
        pair = find_pair(options["pair"], options["namespace"])
        content = pair_workbook(pair)
        partial = path.with_name(path.name + ".part")
        try:
            partial.write_bytes(content)
            partial.replace(path)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise CommandError(f"Cannot write “{path}”: {exc.strerror}.") from None
        entries = pair.log.count()
        self.stdout.write(
            f"Wrote {path}: {pair.links.count()} link(s), {pair.conflicts.count()} conflict(s), "
            f"{entries} log entr{'y' if entries == 1 else 'ies'}."
        )
