"""The settings every sandbox has; a platform's config dataclass extends this one."""

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 0  # 0: any free port (tests); platforms set their own default
    https: bool = True
    data_dir: Path | None = None  # None: state in memory, certificates in a temporary directory
    reset: bool = False
    seed_files: list[Path] = field(default_factory=list)
    rate_limit: int | None = None  # requests per key per the platform's window
    time_scale: float = 1.0  # divides the rate-limit window
    faults: str = ""
    fault_seed: int = 0
    slow_seconds: float = 2.0  # the delay of the `slow` fault
