"""ServiceNow's error envelope, raised anywhere in the sandbox and rendered in one place."""

from typing import Any


class ApiError(Exception):
    def __init__(
        self, status: int, message: str, detail: str | None = None, headers: dict | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.detail = detail
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {"error": {"message": self.message, "detail": self.detail}, "status": "failure"}


def not_found() -> ApiError:
    return ApiError(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval")


def invalid_table(table: str) -> ApiError:
    return ApiError(400, f"Invalid table {table}", None)


def operation_failed(detail: str) -> ApiError:
    return ApiError(403, "Operation Failed", detail)


def acl_denied(operation: str) -> ApiError:
    return operation_failed(f"ACL Exception {operation} Failed due to security constraints")


def read_denied() -> ApiError:
    return ApiError(
        403,
        "Insufficient rights to query records",
        "Field(s) present in the query do not have permission to be read",
    )
