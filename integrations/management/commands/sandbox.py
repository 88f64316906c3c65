from django.core.management.base import BaseCommand, CommandError

from integrations.base.platform import platforms


class Command(BaseCommand):
    help = "Run a local sandbox that speaks a target platform's wire protocol (trial and test target)."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="platform", required=True, metavar="PLATFORM")
        for name, platform in platforms().items():
            platform.sandbox().add_arguments(sub.add_parser(name, help=f"the {platform.label} sandbox"))

    def handle(self, *args, **options) -> None:
        try:
            platforms()[options["platform"]].sandbox().serve(options, self.stdout)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
