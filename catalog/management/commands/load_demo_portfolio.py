import os

from django.core.management.base import BaseCommand, CommandError

from catalog.demo import DEMO_USERNAME, DemoShape, load_demo_portfolio
from catalog.transfer.problems import ImportFailed


class Command(BaseCommand):
    help = "Build the deterministic demo portfolio in a namespace, and a demo admin login."

    def add_arguments(self, parser) -> None:
        defaults = DemoShape()
        parser.add_argument("--namespace", default="demo")
        parser.add_argument("--apps", type=int, default=defaults.apps)
        parser.add_argument("--deployments-per-app", type=int, default=defaults.deployments_per_app)
        parser.add_argument("--services", type=int, default=defaults.services)
        parser.add_argument("--products-per-deployment", type=int, default=defaults.products_per_deployment)
        parser.add_argument("--seed", type=int, default=defaults.seed)

    def handle(self, *args, **options) -> None:
        shape = DemoShape(
            apps=options["apps"],
            deployments_per_app=options["deployments_per_app"],
            services=options["services"],
            products_per_deployment=options["products_per_deployment"],
            seed=options["seed"],
        )
        password = os.environ.get("PB_DEMO_PASSWORD", "demo-portfolio")
        try:
            namespace, summary = load_demo_portfolio(options["namespace"], shape, password)
        except ImportFailed as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(str(exc)) from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Demo portfolio in namespace “{namespace.slug}”: {summary}")
        self.stdout.write(f"Demo login: {DEMO_USERNAME} / {password}")
