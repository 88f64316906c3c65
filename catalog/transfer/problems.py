"""What an import reports when it refuses a file: every problem, each with where it is."""

from dataclasses import dataclass
from typing import Protocol

from django.template.defaultfilters import pluralize

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class ImportFailed(Exception):
    """The file was refused as a whole; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        count = len(problems)
        super().__init__(f"{count} problem{pluralize(count)} in the portfolio file")
        self.problems = problems


class Locator(Protocol):
    def describe(self, path: Path) -> str: ...


class JsonLocator:
    """Paths in the JSON document, e.g. `applications[3].deployments[0].name`."""

    def describe(self, path: Path) -> str:
        text = ""
        for part in path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text or "(document)"
