"""The Attachment API: upload, list, metadata, download and delete."""

import hashlib

from . import errors
from .context import Call
from .records import Records
from .table_api import Response, TableApi


class AttachmentApi:
    def __init__(self, records: Records, tables: TableApi) -> None:
        self.records = records
        self.tables = tables

    @staticmethod
    def root(call: Call, base_url: str) -> str:
        """The attachment URLs an instance answers with follow the request's path: versioned or not."""
        versioned = call.path.startswith("/api/now/v1/")
        return f"{base_url}/api/now{'/v1' if versioned else ''}/attachment"

    def meta(self, root: str, record: dict[str, str]) -> dict[str, str]:
        fields = (
            "sys_id",
            "file_name",
            "content_type",
            "size_bytes",
            "size_compressed",
            "table_name",
            "table_sys_id",
            "hash",
            "sys_created_on",
            "sys_created_by",
            "sys_updated_on",
            "sys_updated_by",
            "sys_mod_count",
        )
        result = {f: record.get(f, "") for f in fields}
        result["download_link"] = f"{root}/{record['sys_id']}/file"
        return result

    def upload(self, call: Call, base_url: str) -> Response:
        table, sys_id, name = call.param("table_name"), call.param("table_sys_id"), call.param("file_name")
        if not (table and sys_id and name):
            raise errors.ApiError(
                400, "Missing parameters", "table_name, table_sys_id and file_name are required"
            )
        self.tables.check_table(table)
        self.tables.check_write(call, table, "Insert")
        if self.records.store.locate(table, sys_id) is None:
            raise errors.ApiError(400, "Invalid table_sys_id", f"No record {sys_id} in {table}")
        values = {
            "file_name": name,
            "content_type": call.content_type or "application/octet-stream",
            "size_bytes": str(len(call.body)),
            "size_compressed": str(len(call.body)),
            "table_name": table,
            "table_sys_id": sys_id,
            "hash": hashlib.sha256(call.body).hexdigest(),
        }
        with self.records.store.transaction():
            record = self.records.create("sys_attachment", values, call.caller.user_name)
            self.records.store.put_blob(record["sys_id"], call.body)
        # the new attachment's file, always through the versioned path whichever path the upload took (the
        # download link follows the request's): PySNC compares it with `/api/now/v1/attachment/<id>/file`
        location = f"{base_url}/api/now/v1/attachment/{record['sys_id']}/file"
        root = self.root(call, base_url)
        return Response(201, {"result": self.meta(root, record)}, {"Location": location})

    def find(self, sys_id: str) -> dict[str, str]:
        found = self.records.store.locate("sys_attachment", sys_id)
        if found is None:
            raise errors.not_found()
        return found[1]

    def list(self, call: Call, base_url: str) -> Response:
        self.tables.check_read(call, "sys_attachment")
        rows = self.tables.select("sys_attachment", call.param("sysparm_query"), [])
        limit, offset = int(call.param("sysparm_limit", "1000")), int(call.param("sysparm_offset", "0"))
        page = rows[offset : offset + limit]
        return Response(
            200,
            {"result": [self.meta(self.root(call, base_url), r) for _, r in page]},
            {"X-Total-Count": str(len(rows))},
        )

    def get(self, call: Call, sys_id: str, base_url: str) -> Response:
        self.tables.check_read(call, "sys_attachment")
        return Response(200, {"result": self.meta(self.root(call, base_url), self.find(sys_id))})

    def download(self, call: Call, sys_id: str) -> tuple[bytes, str]:
        self.tables.check_read(call, "sys_attachment")
        record = self.find(sys_id)
        return self.records.store.blob(sys_id) or b"", record.get(
            "content_type"
        ) or "application/octet-stream"

    def delete(self, call: Call, sys_id: str) -> Response:
        record = self.find(sys_id)
        self.tables.check_write(call, record.get("table_name") or "sys_attachment", "Delete")
        self.records.store.remove("sys_attachment", sys_id)
        return Response(204)
