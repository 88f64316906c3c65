"""Document files: the multipart upload (`uploadManifest` plus `filename[…]` parts, as glpi-api and
glpi-utils send it) creates the Document with its file, and GET `/Document/:id` with
`Accept: application/octet-stream` downloads it with a Content-Disposition (apirest.md "Upload a
document file", "Download a document file"). Files are kept as blobs of the core's store."""

import hashlib
import mimetypes
from typing import Any
from urllib.parse import quote

from werkzeug.wrappers import Response

from .errors import error, generic
from .items import Answer, can_see, require
from .itemtypes import ITEMTYPES
from .sessions import Session
from .store import GlpiStore, document_file
from .writes import add

Upload = tuple[str, bytes, str]  # (file name, content, content type)


def upload(
    store: GlpiStore, session: Session, params: dict[str, Any], files: list[Upload], api: str
) -> Answer:
    """One Document per upload request, whose file is the first part; GLPI answers 201 with the
    document's id, "Item successfully added" and the `upload_result` of each part."""
    manifest = params.get("input")
    if not isinstance(manifest, dict):
        raise error("ERROR_BAD_ARRAY")
    if not files:
        raise generic("Upload a file with the manifest: no file part was sent")
    name, content, content_type = files[0]
    name = name.replace("\\", "/").rsplit("/", 1)[-1]  # PHP keeps only the base name of an upload
    mime = content_type if content_type not in ("", "application/octet-stream") else ""
    mime = mime or mimetypes.guess_type(name)[0] or "application/octet-stream"
    sha1 = hashlib.sha1(content).hexdigest()  # noqa: S324 (GLPI's own checksum field)
    extension = name.rsplit(".", 1)[-1].upper() if "." in name else "BIN"
    values = {
        **{k: v for k, v in manifest.items() if not k.startswith("_") and k != "filename"},
        "filename": name,
        "filepath": f"{extension}/{sha1[:2]}/{sha1[2:]}.{extension.lower()}",
        "mime": mime,
        "sha1sum": sha1,
    }
    values.setdefault("name", name)
    status, body, headers = add(store, session, ITEMTYPES["Document"], {"input": values}, api)
    store.put_blob(document_file(body["id"]), content)
    result = {
        "name": name,
        "size": len(content),
        "type": mime,
        "filesize": f"{len(content)} B",
        "id": sha1[:13],
    }
    body = {
        **body,
        "message": f"Item successfully added: {values['name']}",
        "upload_result": {"filename": [result]},
    }
    return status, body, headers


def download(store: GlpiStore, session: Session, document_id: str) -> Response:
    require(session, ITEMTYPES["Document"])
    row = store.item("Document", document_id)
    if row is None:
        raise error("ERROR_ITEM_NOT_FOUND")
    if not can_see(store, session, ITEMTYPES["Document"], row):
        raise error("ERROR_RIGHT_MISSING")
    content = store.blob(document_file(row["id"]))
    if content is None:
        raise generic("The document has no file to download")
    response = Response(content, 200, content_type=row["mime"] or "application/octet-stream")
    filename = row["filename"]
    inline = row["mime"].startswith(("image/", "text/")) or row["mime"] == "application/pdf"
    disposition = f"filename=\"{filename}\"; filename*=utf-8''{quote(filename)}"
    response.headers["Content-Disposition"] = disposition if inline else f"attachment; {disposition}"
    return response
