"""`manage.py subscribe`: the subscribe pages from the command line.

- `--connection C [--namespace N] [--format json|xlsx] [--output FILE] [--apply-owned] [--full]`: for a
  platform that pulls records back, pull (what changed since the last pull, or everything), print or
  write the differences, and take the target-owned changes when asked (the rest wait for a person);

- `pull --connection C [--namespace N] [--asset ID ...]`: pull now, in this process, and print the diff;
- `diff --pull ID [--all]`: print a pull's diff (without --all, only what needs review);
- `apply --pull ID (--all | --change N ...) [--deployments linked|suggested|none]`: apply rows, with
  the deployments the item runs now plus those the source links (`linked`, the default), also the
  name guesses (`suggested`), or none."""

import json
import uuid

from django.core.management.base import BaseCommand, CommandError

from integrations.base.platform import platform_of
from integrations.management.commands.connection import find_connection
from sync import authority
from sync.models import ChangeKind, Pull
from sync.subscribe import SubscribeRefused, execute_pull, start_pull
from sync.subscribe_apply import apply_pull, suggested_ids
from sync.subscribe_export import as_json as records_json
from sync.subscribe_export import header, workbook
from sync.subscribe_records import apply_target_owned


def find_pull(value: str) -> Pull:
    try:
        pull = Pull.objects.select_related("connection").filter(pk=uuid.UUID(value)).first()
    except ValueError:
        pull = None
    if pull is None:
        raise CommandError(f"No pull {value}.")
    return pull


def as_json(pull: Pull, everything: bool) -> dict:
    changes = pull.changes.all() if everything else pull.changes.exclude(kind=ChangeKind.UNCHANGED)
    return {
        **header(pull),
        "changes": [
            {
                "change": c.pk,
                "kind": c.kind,
                "target_id": c.target_id,
                "name": c.name,
                "matched_by": c.matched_by,
                "fields": {f: [(c.current or {}).get(f, ""), c.values.get(f, "")] for f in c.fields},
                "suggested_deployments": [{"id": pk, "name": n, "why": why} for pk, n, why in c.suggested],
                "applied": c.result,
            }
            for c in changes
        ],
    }


class Command(BaseCommand):
    help = "Pull discovered assets into a diff, show it, and apply chosen rows to the infrastructure items."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--connection", help="pull from this connection and show the differences")
        parser.add_argument("--namespace")
        parser.add_argument("--format", choices=["json", "xlsx"], default="json")
        parser.add_argument("--output", help="write the differences to this file instead of printing them")
        parser.add_argument("--apply-owned", action="store_true", help="take the target-owned changes")
        parser.add_argument("--full", action="store_true", help="read everything, not only what changed")
        sub = parser.add_subparsers(dest="action")
        pull = sub.add_parser("pull", help="pull now and print the diff")
        pull.add_argument("--connection", required=True)
        pull.add_argument("--namespace")
        pull.add_argument("--asset", action="append", default=[], help="only this asset id (repeatable)")
        diff = sub.add_parser("diff", help="print a pull's diff")
        diff.add_argument("--pull", required=True)
        diff.add_argument("--all", action="store_true", help="unchanged rows too")
        diff.add_argument("--format", choices=["json", "xlsx"], default="json")
        diff.add_argument("--output", help="write to this file instead of printing")
        apply = sub.add_parser("apply", help="apply rows of a pull")
        apply.add_argument("--pull", required=True)
        which = apply.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="every row that needs review")
        which.add_argument("--change", action="append", type=int, help="a row's number (repeatable)")
        apply.add_argument("--deployments", choices=["linked", "suggested", "none"], default="linked")

    def handle(self, *args, **options) -> None:
        action = options["action"]
        if action is None:
            if not options["connection"]:
                raise CommandError("Name a --connection, or use one of pull, diff, apply.")
            self.records(options)
            return
        if action == "pull":
            connection = find_connection(options["connection"], options["namespace"])
            if any(not a.isdigit() for a in options["asset"]):
                raise CommandError("--asset takes an asset's numeric id.")
            try:
                pull = start_pull(connection, trigger="command", scope=options["asset"], queue=False)
            except SubscribeRefused as exc:
                raise CommandError(str(exc)) from None
            pull = execute_pull(pull)
            self.stdout.write(json.dumps(as_json(pull, False), indent=2))
            if pull.status == "failed":
                raise CommandError(f"The pull failed: {pull.message}")
            return
        pull = find_pull(options["pull"])
        if action == "diff":
            if platform_of(pull.connection).pulls_records:
                changes = pull.changes.all() if options["all"] else pull.changes.exclude(outcome="unchanged")
                self.differences(pull, changes, options)
            elif options["format"] == "xlsx":
                raise CommandError("--format xlsx is for a connection whose platform pulls records.")
            else:
                self.write_out(json.dumps(as_json(pull, options["all"]), indent=2), options["output"])
            return
        rows = pull.changes.exclude(kind=ChangeKind.UNCHANGED).filter(applied_at__isnull=True)
        if not options["all"]:
            rows = rows.filter(pk__in=options["change"])
            if rows.count() != len(set(options["change"])):
                raise CommandError("Some --change numbers are not rows of this pull that need review.")
        mode = options["deployments"]
        chosen = {c.pk: [] if mode == "none" else suggested_ids(c, guesses=mode == "suggested") for c in rows}
        try:
            result = apply_pull(pull, chosen)
        except SubscribeRefused as exc:
            raise CommandError(f"Nothing was applied: {exc}") from None
        self.stdout.write(f"Applied: {result}.")

    def records(self, options) -> None:
        connection = find_connection(options["connection"], options["namespace"])
        if not platform_of(connection).pulls_records:
            raise CommandError(
                f"{platform_of(connection).label} does not pull records back: use `subscribe pull`."
            )
        if options["format"] == "xlsx" and not options["output"]:
            raise CommandError("--format xlsx writes a file: give --output FILE.")
        try:
            pull = start_pull(connection, trigger="command", queue=False, full=options["full"])
        except SubscribeRefused as exc:
            raise CommandError(str(exc)) from None
        pull = execute_pull(pull)
        if pull.status == "failed":
            raise CommandError(f"The pull failed: {pull.message}")
        if options["apply_owned"] and not authority.read_state(connection).apply_owned:
            note = apply_target_owned(pull)
            self.stderr.write(note)
            pull.refresh_from_db()
        self.differences(pull, pull.changes.exclude(outcome="unchanged"), options)

    def differences(self, pull: Pull, changes, options) -> None:
        if options["format"] == "xlsx":
            if not options["output"]:
                raise CommandError("--format xlsx writes a file: give --output FILE.")
            with open(options["output"], "wb") as out:
                out.write(workbook(pull, changes.iterator()))
            self.stderr.write(f"Differences written to {options['output']}.")
            return
        self.write_out(json.dumps(records_json(pull, changes.iterator()), indent=2), options["output"])

    def write_out(self, text: str, output: str | None) -> None:
        if output:
            with open(output, "w", encoding="utf-8") as out:
                out.write(text + "\n")
            self.stderr.write(f"Written to {output}.")
        else:
            self.stdout.write(text)
