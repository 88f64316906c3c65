"""A JSON upload read defensively: bounded numbers and nesting, no NUL bytes, no unpaired surrogates."""

import json
from typing import Any

from django.conf import settings

from .limits import FileRefused, check_size
from .problems import JsonLocator, Path

MAX_NUMBER_DIGITS = 40


def _integer(text: str) -> int:
    if len(text) > MAX_NUMBER_DIGITS:
        raise FileRefused(f"Not valid JSON: a number with {len(text):,} digits is too long.")
    return int(text)


def load_json(data: bytes) -> Any:
    """The document in `data` with NUL bytes stripped from its text; anything else refuses the file."""
    check_size(len(data))
    try:
        document = json.loads(data.decode("utf-8-sig"), parse_int=_integer)
    except FileRefused:
        raise
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FileRefused(f"Not valid JSON: {exc}.") from exc
    except RecursionError as exc:
        raise FileRefused(_too_deep()) from exc
    except ValueError as exc:
        raise FileRefused(f"Not valid JSON: {exc}.") from exc
    return _clean(document, (), 0)


def _too_deep() -> str:
    return f"The JSON nests deeper than {settings.IMPORT_MAX_JSON_DEPTH} levels, the limit."


def _clean(value: Any, path: Path, depth: int) -> Any:
    if depth > settings.IMPORT_MAX_JSON_DEPTH:
        raise FileRefused(_too_deep())
    if isinstance(value, str):
        return _text(value, path)
    if isinstance(value, list):
        return [_clean(v, (*path, i), depth + 1) for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {_text(k, path): _clean(v, (*path, k), depth + 1) for k, v in value.items()}
    return value


def _text(text: str, path: Path) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        where = JsonLocator().describe(path)
        code = f"\\u{ord(text[exc.start]):04x}"
        message = f"{where}: the text holds an unpaired surrogate ({code}), which is no character."
        raise FileRefused(message) from None
    return text.replace("\x00", "")
