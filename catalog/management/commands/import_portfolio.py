from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import pluralize

from catalog.models import Namespace
from catalog.transfer.files import import_portfolio_file
from catalog.transfer.limits import FileRefused, check_size
from catalog.transfer.problems import ImportFailed


class Command(BaseCommand):
    help = "Import a portfolio workbook (.xlsx) or JSON file into a namespace; all or nothing."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--namespace", required=True, help="slug of the namespace")
        parser.add_argument("file")

    def handle(self, *args, **options) -> None:
        namespace = Namespace.objects.filter(slug=options["namespace"]).first()
        if namespace is None:
            raise CommandError(f"No namespace “{options['namespace']}”.")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            check_size(path.stat().st_size)
        except FileRefused as exc:
            raise CommandError(f"Nothing was imported: {exc}") from exc
        try:
            summary = import_portfolio_file(namespace, path.name, path.read_bytes())
        except ImportFailed as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            count = len(exc.problems)
            raise CommandError(f"Nothing was imported: {count} problem{pluralize(count)}.") from exc
        self.stdout.write(f"Imported into “{namespace.slug}”: {summary}")
