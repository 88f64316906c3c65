"""The command-line arguments and the server loop every `manage.py sandbox <platform>` shares; each
platform's command module calls these with its own defaults and adds its own arguments."""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .faults import KINDS, parse_faults
from .server import SandboxServer


def add_common_arguments(
    parser: Any,
    *,
    port: int,
    data_dir: Path,
    rate_limit_metavar: str,
    rate_limit_help: str,
    time_scale_help: str,
    rate_limit_default: int | None = None,
) -> None:
    """`--host --port --http --data-dir --reset --seed --rate-limit --time-scale --faults --fault-seed`."""
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=port)
    parser.add_argument("--http", action="store_true", help="plain HTTP instead of HTTPS")
    parser.add_argument("--data-dir", type=Path, default=data_dir)
    parser.add_argument("--reset", action="store_true", help="start from a fresh instance")
    parser.add_argument("--seed", type=Path, action="append", default=[], metavar="FILE.json")
    parser.add_argument(
        "--rate-limit",
        type=int,
        default=rate_limit_default,
        metavar=rate_limit_metavar,
        help=rate_limit_help,
    )
    parser.add_argument("--time-scale", type=float, default=1.0, help=time_scale_help)
    parser.add_argument("--faults", default="", metavar="SPEC", help="e.g. 503:0.1,429:0.05,reset:0.05")
    parser.add_argument("--fault-seed", type=int, default=0)


def common_config(options: dict, fault_kinds: Iterable[str] = KINDS) -> dict[str, Any]:
    """The `ServerConfig` fields of the parsed options; ValueError with a readable message if bad."""
    parse_faults(options["faults"], fault_kinds)
    for path in options["seed"]:
        if not path.is_file():
            raise ValueError(f"No such seed file: {path}")
    if options["time_scale"] <= 0:
        raise ValueError("--time-scale must be positive")
    if options["rate_limit"] is not None and options["rate_limit"] < 0:
        raise ValueError("--rate-limit must not be negative")
    return {
        "host": options["host"],
        "port": options["port"],
        "https": not options["http"],
        "data_dir": options["data_dir"],
        "reset": options["reset"],
        "seed_files": options["seed"],
        "rate_limit": options["rate_limit"],
        "time_scale": options["time_scale"],
        "faults": options["faults"],
        "fault_seed": options["fault_seed"],
    }


def run(start: Callable[[], SandboxServer], out: Any, title: str, lines: Iterable[str] = ()) -> None:
    """Start the server, print where it is and whom to trust (plus the platform's `lines`), serve until
    interrupted, then stop cleanly. ValueError if it cannot start (port taken, bad seed file)."""
    try:
        server = start()
    except (OSError, ValueError) as exc:
        raise ValueError(f"Cannot start the sandbox: {exc}") from exc
    out.write(f"{title} at {server.url}/")
    out.write(f"CA certificate: {server.ca_path}")
    for line in lines:
        out.write(line)
    out.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
