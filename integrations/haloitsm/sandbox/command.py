"""`manage.py sandbox haloitsm …`: the arguments and the server loop of the HaloITSM sandbox."""

from pathlib import Path

from django.conf import settings

from integrations.base.sandbox.command import add_common_arguments, common_config, run

from .app import DEMO_APPLICATION
from .server import HaloConfig, HaloServer


def add_arguments(parser) -> None:
    add_common_arguments(
        parser,
        port=8444,
        data_dir=Path(settings.BASE_DIR) / "var" / "sandbox-haloitsm",
        rate_limit_metavar="N_PER_5_MIN",
        rate_limit_help="requests per rolling five minutes (default 300, as hosted Halo; 0: unlimited)",
        time_scale_help="60 makes the five-minute window five seconds",
        rate_limit_default=300,
    )
    parser.add_argument("--tenant", default="demo", help="the tenant /api/authinfo announces")
    parser.add_argument("--token-lifetime", type=int, default=3600, metavar="SECONDS")
    parser.add_argument("--no-demo", action="store_true", help="start an empty instance")


def serve(options: dict, out) -> None:
    """Raises ValueError or OSError with a readable message for bad options."""
    if options["token_lifetime"] < 1:
        raise ValueError("--token-lifetime must be positive")
    config = HaloConfig(
        **common_config(options),
        tenant=options["tenant"],
        token_lifetime=options["token_lifetime"],
        demo=not options["no_demo"],
    )
    lines = (
        f"Tenant: {config.tenant}",
        f"API application: {DEMO_APPLICATION.client_id} / {DEMO_APPLICATION.client_secret}",
    )
    run(lambda: HaloServer(config), out, "HaloITSM sandbox", lines)
