"""`manage.py sandbox glpi …`: the arguments and the server loop of the GLPI sandbox."""

import ipaddress
from pathlib import Path
from typing import Any

from django.conf import settings

from integrations.base.sandbox.command import add_common_arguments, common_config, run
from integrations.base.sandbox.faults import KINDS as CORE_KINDS

from .app import EXPIRE, VERSION
from .seed import DEMO_APP_TOKEN, DEMO_LOGIN, DEMO_PASSWORD, DEMO_USER_TOKEN, PRODUCT_ENTITY
from .server import GlpiConfig, GlpiServer
from .sessions import ApiClient

KINDS = (*CORE_KINDS, EXPIRE)


def add_arguments(parser: Any) -> None:
    add_common_arguments(
        parser,
        port=8445,
        data_dir=Path(settings.BASE_DIR) / "var" / "sandbox-glpi",
        rate_limit_metavar="N",
        rate_limit_help="GLPI has no rate limit; accepted for symmetry and ignored",
        time_scale_help="divides the idle session lifetime (1440 s) — 60 makes it 24 seconds",
    )
    parser.add_argument(
        "--app-token",
        default=DEMO_APP_TOKEN,
        metavar="T",
        help=f"the API client's App-Token (default {DEMO_APP_TOKEN}; '' lets local callers in without one)",
    )
    parser.add_argument(
        "--allow-ip",
        action="append",
        default=[],
        metavar="CIDR",
        help="networks the API client accepts, repeatable (default 127.0.0.1/32 and ::1/128)",
    )
    parser.add_argument("--no-demo", action="store_true", help="start an empty instance")


def serve(options: dict, out: Any) -> None:
    """Raises ValueError or OSError with a readable message for bad options."""
    token = options["app_token"]
    if token != token.strip() or any(ord(c) < 33 for c in token):
        raise ValueError("--app-token must not contain spaces or control characters")
    clients = None
    if options["allow_ip"]:
        for network in options["allow_ip"]:
            ipaddress.ip_network(network, strict=False)  # ValueError names a bad one
        clients = [ApiClient("Portfolio Bridge", tuple(options["allow_ip"]), token)]
    config = GlpiConfig(
        **common_config(options, KINDS), app_token=token, clients=clients, demo=not options["no_demo"]
    )
    lines = (
        f"API path: /apirest.php (GLPI {VERSION}); App-Token: {token or 'not required'}",
        f"API user: {DEMO_LOGIN} / {DEMO_PASSWORD}, user token {DEMO_USER_TOKEN}",
        f"Entity for the product: Root entity > {PRODUCT_ENTITY} (id 1)",
    )
    run(lambda: GlpiServer(config), out, "GLPI sandbox", lines)
