"""One mapped field's values on each side: the canonical form links store and compare (text, stripped;
GLPI's HTML read as text; codes as text), and the value written to the other side (a value map, HTML
for GLPI). Comparing canonical forms keeps an instance's own reformatting from looking like a change."""

import html
import re
from html.parser import HTMLParser
from typing import Any

from tickets.mapping import GLPI_VALUES, FieldRule, TicketMapping

MARKER = re.compile(r"\s*\[servicenow:[0-9a-f]{32}\]\s*")
BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}


class Unmapped(ValueError):
    """A value the pair's value map has no entry for."""


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(value: Any) -> str:
    """Text of GLPI's HTML: block elements become line breaks, entities decoded, blank runs folded."""
    parser = _Text()
    parser.feed(str(value or ""))
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return "\n".join(line for line in lines if line)


def text_to_html(text: str) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in str(text).splitlines() if line.strip())


def without_marker(value: Any) -> str:
    return MARKER.sub(" ", str(value or "")).strip()


def canonical(rule: FieldRule, side: str, value: Any) -> str:
    """What a link stores and compares for this field's value as `side` shows it."""
    if value is None:
        return ""
    if side == "glpi" and rule.glpi == "content":
        value = without_marker(value)
    if rule.transform == "html_to_text" and side == "glpi":
        return html_to_text(value)
    if rule.transform in ("text", "html_to_text"):
        return "\n".join(line.rstrip() for line in str(value).strip().splitlines())
    return str(value).strip()


def to_servicenow(mapping: TicketMapping, rule: FieldRule, glpi: str) -> str:
    """The ServiceNow value for a canonical GLPI value; Unmapped when the value map has none."""
    if rule.transform in GLPI_VALUES:
        try:
            return mapping.values[rule.transform].glpi_to_sn[int(glpi)]
        except (KeyError, ValueError):
            raise Unmapped(
                f"{rule.glpi} {glpi!r} has no ServiceNow value in values.{rule.transform}"
            ) from None
    return glpi


def to_glpi(mapping: TicketMapping, rule: FieldRule, servicenow: str) -> Any:
    """The GLPI value to write for a canonical ServiceNow value (a code, HTML, or the text)."""
    if rule.transform in GLPI_VALUES:
        try:
            return mapping.values[rule.transform].sn_to_glpi[servicenow]
        except KeyError:
            raise Unmapped(
                f"{rule.servicenow} {servicenow!r} has no GLPI code in values.{rule.transform}"
            ) from None
    if rule.transform == "html_to_text":
        return text_to_html(servicenow)
    return servicenow


def agree(mapping: TicketMapping, rule: FieldRule, glpi: str, servicenow: str) -> bool:
    """Whether the two canonical values say the same (either way through the value map)."""
    for convert, source, target in ((to_servicenow, glpi, servicenow), (to_glpi, servicenow, None)):
        try:
            written = convert(mapping, rule, source)
        except Unmapped:
            continue
        if target is not None and written == target:
            return True
        if target is None and canonical(rule, "glpi", written) == glpi:
            return True
    return False
