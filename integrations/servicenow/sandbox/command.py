"""`manage.py sandbox servicenow …`: the arguments and the server loop of the ServiceNow sandbox."""

from pathlib import Path

from django.conf import settings

from .auth import DEFAULT_USERS, SandboxUser
from .config import SandboxConfig
from .faults import parse_faults
from .server import SandboxServer


def add_arguments(parser) -> None:
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8443)
    parser.add_argument("--http", action="store_true", help="plain HTTP instead of HTTPS")
    parser.add_argument(
        "--data-dir", type=Path, default=Path(settings.BASE_DIR) / "var" / "sandbox-servicenow"
    )
    parser.add_argument("--reset", action="store_true", help="start from a fresh instance")
    parser.add_argument("--seed", type=Path, action="append", default=[], metavar="FILE.json")
    parser.add_argument("--rate-limit", type=int, metavar="N_PER_HOUR", help="requests per user per hour")
    parser.add_argument(
        "--time-scale", type=float, default=1.0, help="60 makes the rate-limit hour one minute"
    )
    parser.add_argument("--faults", default="", metavar="SPEC", help="e.g. 503:0.1,429:0.05,reset:0.05")
    parser.add_argument("--fault-seed", type=int, default=0)
    parser.add_argument("--token-lifetime", type=int, default=1800, metavar="SECONDS")
    parser.add_argument(
        "--approval-delay", type=float, metavar="SECONDS", help="auto-approve changes after this delay"
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
    parse_faults(options["faults"])
    extra = [SandboxUser.parse(spec) for spec in options["user"]]
    for path in options["seed"]:
        if not path.is_file():
            raise ValueError(f"No such seed file: {path}")
    if options["time_scale"] <= 0:
        raise ValueError("--time-scale must be positive")
    users = {u.user_name: u for u in DEFAULT_USERS} | {u.user_name: u for u in extra}
    config = SandboxConfig(
        host=options["host"],
        port=options["port"],
        https=not options["http"],
        data_dir=options["data_dir"],
        reset=options["reset"],
        seed_files=options["seed"],
        rate_limit=options["rate_limit"],
        time_scale=options["time_scale"],
        faults=options["faults"],
        fault_seed=options["fault_seed"],
        token_lifetime=options["token_lifetime"],
        approval_delay=options["approval_delay"],
        users=tuple(users.values()),
    )
    try:
        server = SandboxServer(config)
    except (OSError, ValueError) as exc:
        raise ValueError(f"Cannot start the sandbox: {exc}") from exc
    out.write(f"ServiceNow sandbox at {server.url}/")
    out.write(f"CA certificate: {server.ca_path}")
    out.write("Users: " + ", ".join(f"{u.user_name}/{u.password}" for u in config.users))
    out.write("OAuth client: portfolio-bridge / sandbox-secret")
    out.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
