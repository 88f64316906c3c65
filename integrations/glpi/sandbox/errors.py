"""GLPI's error answers: always a two-element JSON array `[CODE, message]`, raised anywhere in the sandbox
and rendered in one place by the app (GLPI 10 `src/Api/API.php`, reference §5.7)."""

from typing import Any

# code: (HTTP status, message, whether GLPI appends "; view documentation in your browser at …")
ERRORS: dict[str, tuple[int, str, bool]] = {
    "ERROR_ITEM_NOT_FOUND": (404, "Item not found", False),
    "ERROR_BAD_ARRAY": (400, "input parameter must be an array of objects", True),
    "ERROR_METHOD_NOT_ALLOWED": (405, "Method Not Allowed", True),
    "ERROR_RIGHT_MISSING": (403, "You don't have permission to perform this action.", False),
    "ERROR_SESSION_TOKEN_INVALID": (401, "session_token seems invalid", False),
    "ERROR_SESSION_TOKEN_MISSING": (400, "parameter session_token is missing or empty", True),
    "ERROR_APP_TOKEN_PARAMETERS_MISSING": (400, "missing parameter app_token", True),
    "ERROR_WRONG_APP_TOKEN_PARAMETER": (400, "parameter app_token seems wrong", True),
    "ERROR_NOT_ALLOWED_IP": (
        400,
        "There isn't an active API client matching your IP address in the configuration ({})",
        False,
    ),
    "ERROR_LOGIN_PARAMETERS_MISSING": (400, "parameter(s) login, password or user_token are missing", True),
    "ERROR_LOGIN_WITH_CREDENTIALS_DISABLED": (
        400,
        "usage of initSession resource with credentials is disabled",
        False,
    ),
    "ERROR_GLPI_LOGIN_USER_TOKEN": (401, "parameter user_token seems invalid", False),
    "ERROR_GLPI_LOGIN": (401, "Incorrect username or password", False),
    "ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM": (
        400,
        "resource not found or not an instance of CommonDBTM",
        True,
    ),
    "ERROR_ITEMTYPE_NOT_FOUND_NOR_COMMONDBTM": (
        400,
        "itemtype not found or not an instance of CommonDBTM",
        True,
    ),
    "ERROR_RESOURCE_MISSING": (400, "missing resource", True),
    "ERROR_RANGE_EXCEED_TOTAL": (400, "Provided range exceed total count of data: {}", True),
    "ERROR_JSON_PAYLOAD_FORBIDDEN": (400, "GET Request should not have json payload (http body)", True),
    "ERROR_JSON_PAYLOAD_INVALID": (400, "JSON payload seems not valid", False),
    "ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE": (400, "The file seems too big", True),
    "ERROR_SQL": (500, "Unexpected SQL Error : {}", False),
    "ERROR": (400, "{}", True),
}


class GlpiError(Exception):
    """An HTTP error with GLPI's `[code, detail]` body; `detail` is a message or a result list. The app
    appends the documentation pointer to a `documented` message, since only it knows the API's URL."""

    def __init__(self, status: int, code: str, detail: Any, documented: bool = False) -> None:
        super().__init__(f"{code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.documented = documented

    def body(self, api_url: str) -> list[Any]:
        detail = self.detail
        if self.documented and isinstance(detail, str):
            detail += f"; view documentation in your browser at {api_url}/#{self.code}"
        return [self.code, detail]


def error(code: str, *args: Any) -> GlpiError:
    """The table's error `code`, its message formatted with `args`."""
    status, message, documented = ERRORS[code]
    text = message.format(*args) if "{}" in message else message
    return GlpiError(status, code, text, documented)


def generic(message: str) -> GlpiError:
    """The catch-all `ERROR` code GLPI uses for bad parameters (range, order, sort…)."""
    return error("ERROR", message)


def write_failure(code: str, detail: Any, partial: bool = False) -> GlpiError:
    """`ERROR_GLPI_ADD/UPDATE/DELETE` (400) or, when some items succeeded, `ERROR_GLPI_PARTIAL_*` (207)."""
    if partial:
        return GlpiError(207, code.replace("ERROR_GLPI_", "ERROR_GLPI_PARTIAL_"), detail)
    return GlpiError(400, code, detail)
