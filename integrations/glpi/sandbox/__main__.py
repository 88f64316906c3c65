"""`python -m integrations.glpi.sandbox [options]`: the GLPI sandbox until a GLPI platform is registered
and `manage.py sandbox glpi` finds it (the options are the same)."""

import argparse
import os
import sys

import django


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from . import command

    parser = argparse.ArgumentParser(prog="python -m integrations.glpi.sandbox")
    command.add_arguments(parser)
    options = vars(parser.parse_args(argv))

    class Out:
        def write(self, text: str) -> None:
            print(text)

        def flush(self) -> None:
            sys.stdout.flush()

    try:
        command.serve(options, Out())
    except (OSError, ValueError) as exc:
        parser.exit(2, f"error: {exc}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
