"""`manage.py sandbox servicenow …`: the arguments and the server loop of the ServiceNow sandbox."""

from pathlib import Path

from django.conf import settings

from integrations.base.sandbox.command import add_common_arguments, common_config, run

from .auth import DEFAULT_USERS, SandboxUser
from .config import SandboxConfig
from .faults import KINDS
from .server import SandboxServer


def add_arguments(parser) -> None:
    add_common_arguments(
        parser,
        port=8443,
        data_dir=Path(settings.BASE_DIR) / "var" / "sandbox-servicenow",
        rate_limit_metavar="N_PER_HOUR",
        rate_limit_help="requests per user per hour",
        time_scale_help="60 makes the rate-limit hour one minute",
    )
    parser.add_argument("--token-lifetime", type=int, default=1800, metavar="SECONDS")
    parser.add_argument(
        "--approval-delay", type=float, metavar="SECONDS", help="auto-approve changes after this delay"
    )
    parser.add_argument(
        "--reject-matching",
        metavar="TEXT",
        help="reject (instead of approve) requested changes whose short description contains TEXT, "
        "after --approval-delay (at once without it)",
    )
    parser.add_argument(
        "--max-attachment",
        type=int,
        default=26_214_400,
        metavar="BYTES",
        help="largest file the Attachment API accepts (larger uploads get 413)",
    )
    parser.add_argument(
        "--demo-machines",
        action="store_true",
        help="seed servers and computers that Service Mapping relates to the demo portfolio's service "
        "instances once a publish creates them (what the demo's subscribe pulls)",
    )
    parser.add_argument(
        "--user",
        action="append",
        default=[],
        metavar="NAME:PASSWORD:ROLE1+ROLE2",
        help="add or replace a user (roles: admin, itil, cmdb_read, cmdb_write, approver_user)",
    )


def serve(options: dict, out) -> None:
    """Raises ValueError or OSError with a readable message for bad options."""
    common = common_config(options, KINDS)
    if options["approval_delay"] is not None and options["approval_delay"] < 0:
        raise ValueError("--approval-delay must not be negative")
    if options["max_attachment"] <= 0:
        raise ValueError("--max-attachment must be positive")
    if options["reject_matching"] is not None and not options["reject_matching"].strip():
        raise ValueError("--reject-matching needs a non-empty TEXT")
    extra = [SandboxUser.parse(spec) for spec in options["user"]]
    users = {u.user_name: u for u in DEFAULT_USERS} | {u.user_name: u for u in extra}
    config = SandboxConfig(
        **common,
        token_lifetime=options["token_lifetime"],
        approval_delay=options["approval_delay"],
        reject_matching=options["reject_matching"],
        max_attachment=options["max_attachment"],
        demo_machines=options["demo_machines"],
        users=tuple(users.values()),
    )
    lines = (
        "Users: " + ", ".join(f"{u.user_name}/{u.password}" for u in config.users),
        "OAuth client: portfolio-bridge / sandbox-secret",
    )
    run(lambda: SandboxServer(config), out, "ServiceNow sandbox", lines)
