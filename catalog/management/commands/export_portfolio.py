from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalog.models import Namespace
from catalog.transfer.files import FORMATS, export_portfolio


class Command(BaseCommand):
    help = "Export a namespace's portfolio to an Excel workbook (.xlsx) or a JSON file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--namespace", required=True, help="slug of the namespace")
        parser.add_argument("file", help="output path; the format follows its suffix (.xlsx or .json)")

    def handle(self, *args, **options) -> None:
        namespace = Namespace.objects.filter(slug=options["namespace"]).first()
        if namespace is None:
            raise CommandError(f"No namespace “{options['namespace']}”.")
        path = Path(options["file"])
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            raise CommandError("The output file must end in .xlsx or .json.")
        path.write_bytes(export_portfolio(namespace, fmt))
        self.stdout.write(f"Wrote {path}")
