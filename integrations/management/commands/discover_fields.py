from django.core.management.base import BaseCommand, CommandError

from integrations.base.errors import TargetError
from integrations.management.commands.connection import find_connection
from integrations.services import connection_fields


class Command(BaseCommand):
    help = "List a target table's fields (with inherited ones) from the instance's dictionary."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--connection", required=True)
        parser.add_argument("--namespace")
        parser.add_argument("table")

    def handle(self, *args, **options) -> None:
        connection = find_connection(options["connection"], options["namespace"])
        try:
            fields = connection_fields(connection, options["table"])
        except TargetError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write("table\tfield\tlabel\ttype\treference\tmandatory")
        for f in fields:
            self.stdout.write(
                f"{f.table}\t{f.name}\t{f.label}\t{f.type}\t{f.reference}\t{'yes' if f.mandatory else ''}"
            )
