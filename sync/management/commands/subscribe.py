"""`manage.py subscribe pull|diff|apply`: the subscribe pages from the command line.

- `pull --connection C [--namespace N] [--asset ID ...]`: pull now, in this process, and print the diff;
- `diff --pull ID [--all]`: print a pull's diff (without --all, only what needs review);
- `apply --pull ID (--all | --change N ...) [--deployments linked|suggested|none]`: apply rows, with
  the deployments the item runs now plus those the source links (`linked`, the default), also the
  name guesses (`suggested`), or none."""

import json
import uuid

from django.core.management.base import BaseCommand, CommandError

from integrations.management.commands.connection import find_connection
from sync.models import ChangeKind, Pull
from sync.subscribe import SubscribeRefused, execute_pull, start_pull
from sync.subscribe_apply import apply_pull, suggested_ids


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
        "pull": str(pull.pk),
        "connection": pull.connection.name,
        "status": pull.status,
        "counts": pull.counts,
        "message": pull.message,
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
        sub = parser.add_subparsers(dest="action", required=True)
        pull = sub.add_parser("pull", help="pull now and print the diff")
        pull.add_argument("--connection", required=True)
        pull.add_argument("--namespace")
        pull.add_argument("--asset", action="append", default=[], help="only this asset id (repeatable)")
        diff = sub.add_parser("diff", help="print a pull's diff")
        diff.add_argument("--pull", required=True)
        diff.add_argument("--all", action="store_true", help="unchanged rows too")
        apply = sub.add_parser("apply", help="apply rows of a pull")
        apply.add_argument("--pull", required=True)
        which = apply.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="every row that needs review")
        which.add_argument("--change", action="append", type=int, help="a row's number (repeatable)")
        apply.add_argument("--deployments", choices=["linked", "suggested", "none"], default="linked")

    def handle(self, *args, **options) -> None:
        action = options["action"]
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
            self.stdout.write(json.dumps(as_json(pull, options["all"]), indent=2))
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
