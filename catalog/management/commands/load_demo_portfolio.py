import os

from django.core.management.base import BaseCommand, CommandError

from catalog.demo import DEMO_USERNAME, DemoShape, ensure_demo_login, load_demo_portfolio
from catalog.models import BusinessApplication
from catalog.transfer.problems import ImportFailed


class Command(BaseCommand):
    help = (
        "Build the deterministic demo portfolio in a namespace that has no applications yet "
        "(--force loads it over an existing one)."
    )

    def add_arguments(self, parser) -> None:
        defaults = DemoShape()
        parser.add_argument("--namespace", default="demo")
        parser.add_argument("--apps", type=int, default=defaults.apps)
        parser.add_argument("--deployments-per-app", type=int, default=defaults.deployments_per_app)
        parser.add_argument("--services", type=int, default=defaults.services)
        parser.add_argument("--products-per-deployment", type=int, default=defaults.products_per_deployment)
        parser.add_argument("--seed", type=int, default=defaults.seed)
        parser.add_argument(
            "--force",
            action="store_true",
            help="load even when the namespace has applications: demo records get their demo values back "
            "(edits to them are lost); other records are kept",
        )
        parser.add_argument(
            "--demo-login",
            action="store_true",
            help=f"also create the superuser “{DEMO_USERNAME}” (password PB_DEMO_PASSWORD) for trying the "
            "product; the run command passes it",
        )

    def handle(self, *args, **options) -> None:
        shape = DemoShape(
            apps=options["apps"],
            deployments_per_app=options["deployments_per_app"],
            services=options["services"],
            products_per_deployment=options["products_per_deployment"],
            seed=options["seed"],
        )
        try:
            namespace, summary = load_demo_portfolio(options["namespace"], shape, force=options["force"])
        except ImportFailed as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(str(exc)) from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if summary is None:
            count = BusinessApplication.objects.filter(namespace=namespace).count()
            self.stdout.write(
                f"Namespace “{namespace.slug}” already has {count} applications: left as it is "
                "(--force loads the demo portfolio over it)."
            )
        else:
            self.stdout.write(f"Demo portfolio in namespace “{namespace.slug}”: {summary}")
        if options["demo_login"]:
            password = os.environ.get("PB_DEMO_PASSWORD", "demo-portfolio")
            ensure_demo_login(namespace, password)
            self.stdout.write(f"Demo login: {DEMO_USERNAME} / {password}")
            self.stderr.write(
                self.style.WARNING(
                    f"Warning: “{DEMO_USERNAME}” is a superuser with a known password, for trying the "
                    "product on this machine. Do not keep it on a shared or production server: delete it "
                    "in the admin, and create real users with `manage.py createsuperuser`."
                )
            )
