"""GLPI documents ↔ ServiceNow attachments of a linked ticket, each file copied exactly once: the files
already copied (and their copies) are kept on the link by id, so a copy never comes back; a file whose
copy is already on the other side (same name and checksum: a run stopped before recording it) is only
recorded; a file over the size cap is skipped, recorded and logged once."""

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from integrations.glpi import tickets as glpi
from integrations.servicenow import tickets as servicenow

KEY = "documents"  # the link's `mirrored` key: "glpi:<document id>" and "servicenow:<attachment sys_id>"
MAX_BYTES = 20 * 1024 * 1024

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class File:
    side: str  # where it is: glpi | servicenow
    id: str
    name: str
    mime: str
    checksum: str  # GLPI's sha1sum, ServiceNow's SHA-256 hash
    size: int | None  # ServiceNow tells it before the download; GLPI does not

    @property
    def key(self) -> str:
        return f"{self.side}:{self.id}"


def glpi_files(client: Any, ticket_id: int) -> list[File]:
    return [
        File(
            "glpi",
            str(row["id"]),
            str(row.get("filename") or row.get("name") or f"document-{row['id']}"),
            str(row.get("mime") or ""),
            str(row.get("sha1sum") or ""),
            None,
        )
        for row in glpi.ticket_documents(client, ticket_id)
    ]


def servicenow_files(client: Any, sys_id: str) -> list[File]:
    return [
        File(
            "servicenow",
            str(row["sys_id"]),
            str(row.get("file_name") or row["sys_id"]),
            str(row.get("content_type") or ""),
            str(row.get("hash") or ""),
            int(row["size_bytes"]) if str(row.get("size_bytes") or "").isdigit() else None,
        )
        for row in servicenow.attachments(client, sys_id)
    ]


def _copy_of(file: File, content: bytes, theirs: list[File], done: set[str]) -> File | None:
    """The other side's unrecorded file with this name and content, if any."""
    digest = (hashlib.sha256 if file.side == "glpi" else hashlib.sha1)(content).hexdigest()
    for other in theirs:
        if other.key not in done and other.name == file.name and other.checksum == digest:
            return other
    return None


def mirror(
    glpi_client: Any,
    sn_client: Any,
    ticket_id: int,
    sys_id: str,
    mirrored: dict[str, list[str]],
    *,
    dry_run: bool,
    saved: Callable[[list[str], str], None],
    no_attachments: bool = False,
) -> dict[str, int]:
    """Copy the new files both ways; `saved(keys, message)` records keys on the link (with a log row
    when there is a message) as soon as a file is written, so a stopped run copies nothing twice."""
    done = set(mirrored.get(KEY, []))
    from_glpi = glpi_files(glpi_client, ticket_id)
    from_sn = [] if no_attachments else servicenow_files(sn_client, sys_id)  # an incident just created
    counts = {"glpi": 0, "servicenow": 0}
    for mine, theirs, where in ((from_glpi, from_sn, "servicenow"), (from_sn, from_glpi, "glpi")):
        for file in mine:
            if file.key in done:
                continue
            if file.size is not None and file.size > MAX_BYTES:
                _skip(file, saved, dry_run, done)
                continue
            counts[where] += 1
            if dry_run:
                continue
            if file.side == "glpi":
                content = glpi.download_document(glpi_client, int(file.id))
            else:
                content = servicenow.download_attachment(sn_client, file.id)
            if len(content) > MAX_BYTES:
                counts[where] -= 1
                _skip(file, saved, dry_run, done)
                continue
            found = _copy_of(file, content, theirs, done)
            if found is not None:
                counts[where] -= 1
                keys, message = [file.key, found.key], ""
            elif where == "servicenow":
                copy = servicenow.upload_attachment(sn_client, sys_id, file.name, content, file.mime)
                keys, message = [file.key, f"servicenow:{copy.get('sys_id')}"], "copied from GLPI"
            else:
                copy_id = glpi.upload_document(glpi_client, ticket_id, file.name, content, file.mime)
                keys, message = [file.key, f"glpi:{copy_id}"], "copied from ServiceNow"
            done.update(keys)
            saved(keys, f"file {file.name} {message}" if message else "")
    return counts


def _skip(file: File, saved: Callable[[list[str], str], None], dry_run: bool, done: set[str]) -> None:
    message = f"file {file.name} not copied: larger than {MAX_BYTES // (1024 * 1024)} MB"
    log.info("%s (%s)", message, file.key)
    if not dry_run:
        done.add(file.key)
        saved([file.key], message)
