from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from integrations.management.commands.connection import find_connection
from integrations.servicenow.update_set import PackageError
from integrations.services import configuration_package


class Command(BaseCommand):
    help = "Write the ServiceNow configuration package (Update Set XML) of a connection."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--connection", required=True)
        parser.add_argument("--namespace")
        parser.add_argument("--output", help="file to write (default: standard output)")
        parser.add_argument(
            "--ticket-hooks",
            metavar="BASE_URL",
            help="also add, for each enabled ticket sync pair on this connection, a business rule and "
            "outbound REST message posting changed incidents to the pair's webhook at BASE_URL (the "
            "product's address as ServiceNow reaches it); the secret is not included",
        )

    def handle(self, *args, **options) -> None:
        connection = find_connection(options["connection"], options["namespace"])
        try:
            hooks = ()
            if options["ticket_hooks"]:
                from tickets.package import connection_hooks

                hooks = connection_hooks(connection, options["ticket_hooks"])
            filename, body = configuration_package(connection, hooks)
        except (PackageError, ValueError) as exc:
            raise CommandError(str(exc)) from None
        if options["output"]:
            Path(options["output"]).write_bytes(body)
            self.stderr.write(f"Wrote {options['output']} ({len(body):,} bytes)")
        else:
            self.stdout.write(body.decode("utf-8"))
