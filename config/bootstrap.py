"""Set-up for a fresh machine with only Python: finds a Python >= 3.12 (Django 6.1 needs it), creates
`.venv`, installs the project when pyproject.toml changed, then hands over to `config.launcher`.

Standard library only, runnable by any Python 3.8+:
    python3 config/bootstrap.py run     # demo: sandbox data, web server, worker
    python3 config/bootstrap.py test    # the whole test suite, linters and checks
"""

import glob
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
MINIMUM = (3, 12)
STAMP = VENV / ".portfolio-bridge-installed"


def version_of(python: str) -> tuple:
    try:
        out = subprocess.run(
            [python, "-c", "import sys; print(*sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
        ).stdout.split()
        return tuple(int(x) for x in out)
    except (OSError, subprocess.SubprocessError, ValueError):
        return ()


def find_python() -> str:
    if sys.version_info[:2] >= MINIMUM:
        return sys.executable
    candidates = [shutil.which(f"python3.{minor}") for minor in range(20, MINIMUM[1] - 1, -1)]
    pyenv_root = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    candidates += sorted(glob.glob(f"{pyenv_root}/versions/3.*/bin/python3"), reverse=True)
    candidates += sorted(
        glob.glob("/usr/local/bin/python3.*") + glob.glob("/usr/bin/python3.*"), reverse=True
    )
    best = max(
        ((version_of(c), c) for c in candidates if c and os.access(c, os.X_OK)),
        default=((), ""),
    )
    if best[0] < MINIMUM:
        sys.exit(
            "Portfolio Bridge needs Python 3.12 or newer (Django 6.1 requires it) and none was found.\n"
            "Install python3.12+ (or run this script with it) and try again."
        )
    return best[1]


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def has_pip(python: Path) -> bool:
    return subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True).returncode == 0


def ensure_venv() -> Path:
    python = venv_python()
    if python.exists() and (version_of(str(python)) < MINIMUM or not has_pip(python)):
        print("Replacing .venv (too old, or left half-made by an interrupted start)", flush=True)
        shutil.rmtree(VENV)
    if not python.exists():
        base = find_python()
        print(f"Creating .venv with {base}", flush=True)
        if base == sys.executable:
            venv.create(VENV, with_pip=True)
        else:
            subprocess.run([base, "-m", "venv", str(VENV)], check=True)
    return python


def ensure_installed(python: Path) -> None:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    print("Installing Portfolio Bridge and its dependencies into .venv …", flush=True)
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "install", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(digest)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("run", "test"):
        sys.exit("usage: python3 config/bootstrap.py run|test [options]")
    python = ensure_venv()
    ensure_installed(python)
    os.chdir(ROOT)
    args = [str(python), "-m", "config.launcher", *sys.argv[1:]]
    if os.name == "nt":
        sys.exit(subprocess.call(args))
    os.execv(str(python), args)


if __name__ == "__main__":
    main()
