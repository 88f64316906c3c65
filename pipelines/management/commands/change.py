"""`manage.py change create|status|wait|implement|note|attach|close …`: what a pipeline does through the API,
for admins and scripts on the product's machine. Exit codes as `pb-change`'s: 0 proceed (or done), 1
rejected or canceled, 2 timed out waiting, 3 usage, connection or request error."""

import dataclasses
import json
import mimetypes
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from integrations.base.changes import CHANGE_TYPES, CLOSE_CODES, ChangeInput
from integrations.management.commands.connection import find_connection
from pipelines import services
from pipelines.documents import change_document
from pipelines.errors import PipelineError
from pipelines.models import ChangeRequest
from pipelines.polling import change_status

PROCEED, ABORT, TIMEOUT, ERROR = 0, 1, 2, 3
TEXT_OPTIONS = (
    "description",
    "implementation_plan",
    "backout_plan",
    "test_plan",
    "justification",
    "risk",
    "impact",
    "priority",
    "assignment_group",
    "start_date",
    "end_date",
    "parent",
)
ACTOR = "manage.py change"


def failed(message: str, code: int = ERROR) -> CommandError:
    return CommandError(message, returncode=code)


class Command(BaseCommand):
    help = "Create and follow ServiceNow change requests for a deployment, as pipelines do."

    def create_parser(self, prog_name: str, subcommand: str, **kwargs):
        """Usage errors exit 3 (2 means a timeout here)."""
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        django_error = parser.error

        def error(message: str):
            if parser.called_from_command_line:
                parser.print_usage(sys.stderr)
                parser.exit(ERROR, f"{parser.prog}: error: {message}\n")
            django_error(message)

        parser.error = error
        return parser

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "action", choices=["create", "status", "wait", "implement", "note", "attach", "close"]
        )
        parser.add_argument("number", nargs="?", default="", help="the change number (all but create)")
        parser.add_argument("extra", nargs="?", default="", help="attach: the file; note: the text")
        parser.add_argument("--namespace", help="the namespace's slug, when the name or number is not unique")
        parser.add_argument(
            "--connection", help="the ServiceNow connection's name (create; else when ambiguous)"
        )
        parser.add_argument("--app", default="", help="create: the application id, e.g. APP-0042")
        parser.add_argument("--environment", default="", help="create: its environment, e.g. Production")
        parser.add_argument("--deployment", default="", help="create: or a deployment profile id")
        parser.add_argument("--type", choices=CHANGE_TYPES, default="normal")
        parser.add_argument("--template", default="", help="create: the standard change template's name")
        parser.add_argument("--short-description", default="")
        for name in TEXT_OPTIONS:
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name, default="")
        parser.add_argument("--timeout", type=float, default=3600.0, help="wait: seconds (default 3600)")
        parser.add_argument(
            "--interval", type=float, help="wait: seconds between polls (default: the poll interval)"
        )
        parser.add_argument("--code", choices=sorted(CLOSE_CODES), help="close: the close code")
        parser.add_argument("--notes", default="", help="close: the close notes")

    def handle(self, *args, action: str, **options) -> None:
        try:
            code = getattr(self, action)(options)
        except PipelineError as exc:
            detail = "".join(f"\n  {field}: {'; '.join(errors)}" for field, errors in exc.errors.items())
            raise failed(exc.message + detail) from None
        if code:
            raise failed(
                f"{options['number']}: {'rejected or canceled' if code == ABORT else 'timed out'}", code
            )

    def show(self, change: ChangeRequest) -> None:
        self.stdout.write(json.dumps(change_document(change), indent=2))

    def change(self, options: dict) -> ChangeRequest:
        if not options["number"]:
            raise failed("Give the change number.")
        found = ChangeRequest.objects.filter(number=options["number"]).select_related(
            "namespace", "connection"
        )
        if options["namespace"]:
            found = found.filter(namespace__slug=options["namespace"])
        if options["connection"]:
            found = found.filter(connection__name=options["connection"])
        matches = list(found[:2])
        if not matches:
            raise failed(f"No change request {options['number']} here.")
        if len(matches) > 1:
            raise failed(
                f"Several connections have a change {options['number']}; "
                "add --namespace SLUG or --connection NAME."
            )
        return matches[0]

    def create(self, options: dict) -> int:
        if not options["connection"]:
            raise failed("create needs --connection NAME.")
        if not options["deployment"] and not (options["app"] and options["environment"]):
            raise failed("create needs --app and --environment, or --deployment.")
        try:
            connection = find_connection(options["connection"], options["namespace"])
        except CommandError as exc:
            raise failed(str(exc)) from None
        values = {name: options[name] for name in TEXT_OPTIONS}
        change = services.create_change(
            connection.namespace,
            ChangeInput(
                type=options["type"],
                template=options["template"],
                short_description=options["short_description"],
                **values,
            ),
            connection=connection.name,
            application=options["app"],
            environment=options["environment"],
            deployment=options["deployment"],
            actor=ACTOR,
        )
        self.show(change)
        return PROCEED

    def status(self, options: dict) -> int:
        change = change_status(self.change(options), ACTOR)
        self.show(change)
        return ABORT if change.verdict == "abort" else PROCEED

    def wait(self, options: dict) -> int:
        change = self.change(options)
        interval = options["interval"] or settings.PIPELINE_POLL_INTERVAL
        if not (0 < options["timeout"] <= 7 * 24 * 3600) or not (0 < interval <= 3600):
            raise failed(
                "--timeout must be above 0 and at most a week, --interval above 0 and at most an hour."
            )
        deadline = time.monotonic() + options["timeout"]
        while True:
            change = change_status(change, ACTOR)
            if change.verdict != "wait":
                self.show(change)
                return PROCEED if change.verdict == "proceed" else ABORT
            left = deadline - time.monotonic()
            if left <= 0:
                self.show(change)
                return TIMEOUT
            time.sleep(min(interval, left))

    def implement(self, options: dict) -> int:
        self.show(services.implement_change(self.change(options), ACTOR))
        return PROCEED

    def note(self, options: dict) -> int:
        if not options["extra"].strip():
            raise failed("note needs the text: change note NUMBER TEXT.")
        services.add_work_note(self.change(options), options["extra"], ACTOR)
        self.stdout.write("Work note added.")
        return PROCEED

    def attach(self, options: dict) -> int:
        change = self.change(options)
        file = Path(options["extra"])
        if not options["extra"] or not file.is_file():
            raise failed(f"No such file: {options['extra'] or '(none given)'}")
        limit = settings.PIPELINE_MAX_ATTACHMENT
        if file.stat().st_size > limit:
            raise failed(f"{file} is larger than the {limit // 1_000_000} MB attachments may be.")
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        info = services.attach_file(change, file.name, file.read_bytes(), content_type, ACTOR)
        self.stdout.write(json.dumps(dataclasses.asdict(info), indent=2))
        return PROCEED

    def close(self, options: dict) -> int:
        if not options["code"] or not options["notes"].strip():
            raise failed("close needs --code and --notes.")
        self.show(services.close_change(self.change(options), options["code"], options["notes"], ACTOR))
        return PROCEED
