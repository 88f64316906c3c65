"""`manage.py decide --run RUN_ID (--record RECORD_ID --decision D | --all D | --file DECISIONS.json)`:
the preview page's decisions from the command line. A decision that cannot be carried out is refused
with the reason (exit 1); the others are recorded and printed."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sync import decisions
from sync.management.commands.rollback import find_run

MAX_FILE = 5 * 1024 * 1024


def parse_file(path: Path) -> list[dict]:
    """[{"record": RECORD_ID, "decision": D, "fields": {FIELD: keep|overwrite|take}}, …]"""
    if not path.is_file():
        raise CommandError(f"No such file: {path}")
    if path.stat().st_size > MAX_FILE:
        raise CommandError(f"{path} is larger than {MAX_FILE // 1024 // 1024} MB.")
    try:
        entries = json.loads(path.read_text(encoding="utf-8").replace("\x00", ""))
    except (ValueError, RecursionError) as exc:
        raise CommandError(f"{path} is not valid JSON: {exc}") from None
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("record"), str) for e in entries
    ):
        raise CommandError('Expected a list of {"record": ID, "decision": D, "fields": {…}} objects.')
    for number, entry in enumerate(entries, start=1):
        fields = entry.get("fields", {})
        if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
            raise CommandError(f"Entry {number}: “fields” must map field names to keep, overwrite or take.")
        if not isinstance(entry.get("decision", ""), str):
            raise CommandError(f"Entry {number}: “decision” must be a string.")
    return entries


class Command(BaseCommand):
    help = "Record decisions on a preview's rows (adopt, create, skip, keep, overwrite, take)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--run", required=True, help="the preview run's id")
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--record", help="the portfolio record id of one row")
        which.add_argument("--all", choices=decisions.CHOICES, help="this decision wherever it applies")
        which.add_argument("--file", type=Path, help="a JSON list of decisions")
        parser.add_argument("--decision", choices=decisions.CHOICES)
        parser.add_argument("--field", action="append", default=[], metavar="FIELD=CHOICE")

    def handle(self, *args, **options) -> None:
        run = find_run(options["run"])
        if options["all"]:
            recorded, refused = decisions.decide_all(run, options["all"])
        else:
            entries = (
                parse_file(options["file"])
                if options["file"]
                else [
                    {
                        "record": options["record"],
                        "decision": options["decision"] or "",
                        "fields": self.fields(options),
                    }
                ]
            )
            recorded, refused = [], []
            for entry in entries:
                row = run.items.exclude(kind="relation").filter(record_id=entry["record"]).first()
                if row is None:
                    refused.append(f"The preview has no record {entry['record']}.")
                    continue
                try:
                    recorded.append(
                        decisions.record(run, row.pk, entry.get("decision", ""), entry.get("fields", {}))
                    )
                except decisions.DecisionRefused as exc:
                    refused.append(str(exc))
        for done in recorded:
            fields = ", ".join(f"{k}: {v}" for k, v in done.fields.items())
            line = f"{done.row.name}: {done.decision or '(field decisions)'}" + (
                f" ({fields})" if fields else ""
            )
            self.stdout.write(line + (f" — {done.note}" if done.note else ""))
        self.stdout.write(f"Recorded {len(recorded)} decision{'s' if len(recorded) != 1 else ''}.")
        if refused:
            raise CommandError("Refused:\n" + "\n".join(refused))

    @staticmethod
    def fields(options) -> dict[str, str]:
        if not options["decision"] and not options["field"]:
            raise CommandError("--record needs --decision D or --field FIELD=CHOICE.")
        pairs = {}
        for spec in options["field"]:
            name, sep, choice = spec.partition("=")
            if not sep:
                raise CommandError(f"--field {spec}: expected FIELD=keep|overwrite|take.")
            pairs[name] = choice
        return pairs
