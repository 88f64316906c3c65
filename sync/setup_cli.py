"""`manage.py match --connection C --setup [--map ROW=ID …] [--create-missing] [--dry-run]`: the wizard's
setup step from a script. Each row keeps its saved choice, or takes an existing target record of its
name; --map overrides; what is left is created only with --create-missing."""

from django.core.management.base import CommandError

from integrations.base.errors import TargetError
from integrations.models import Connection
from sync import setup
from sync.models import RunStatus


def parse_maps(pairs: list[str]) -> dict[str, str]:
    maps = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise CommandError(f"--map takes ROW=ID, e.g. software=12; got “{pair}”.")
        maps[key.strip()] = value.strip()
    return maps


def run_setup(connection: Connection, options: dict, out) -> None:
    step = setup.step_of(connection)
    if step is None:
        raise CommandError(f"{connection.name} needs no setup: its platform has no setup step.")
    maps = parse_maps(options["map"])
    rows = setup.rows_of(connection, step)
    try:
        offered = setup.offered(connection, step)
    except TargetError as exc:
        raise CommandError(f"Could not read the {step.noun}s of {connection.name}: {exc}") from None
    choices = {row.key: maps.get(row.key) or setup.suggestion(row, offered) for row in rows}
    choices.update({key: value for key, value in maps.items() if key not in choices})  # plan names them
    try:
        changes = setup.plan(rows, offered, choices, step.noun)
    except setup.SetupError as exc:
        raise CommandError("Nothing was saved: " + " ".join(exc.problems)) from None
    creates = [c for c in changes if c.create]
    if creates and not options["create_missing"] and not options["dry_run"]:
        missing = ", ".join(f"{c.key} (“{c.name}”)" for c in creates)
        raise CommandError(
            f"No {step.noun} yet for {missing}: give --map ROW=ID or --create-missing. Nothing was saved."
        )
    for change in changes:
        doing = f"create “{change.name}”" if change.create else f"{change.target_id} “{change.name}”"
        out.write(f"{change.key}\t{doing}")
    if options["dry_run"]:
        out.write("Dry run: nothing was created or saved.")
        return
    run = setup.apply(connection, step, changes)
    if run.status != RunStatus.SUCCEEDED:
        raise CommandError(f"Nothing was saved: {run.message}")
    out.write(f"Created {len(creates)} {step.noun}(s); saved the {step.title.lower()} of {connection.name}.")
