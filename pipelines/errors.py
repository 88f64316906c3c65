"""What the change operations refuse, each with the HTTP status the API answers and a plain reason."""


class PipelineError(Exception):
    status = 400

    def __init__(self, message: str, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class InvalidInput(PipelineError):
    status = 400


class NotAllowed(PipelineError):
    status = 403


class ChangeNotFound(PipelineError):
    status = 404


class Conflict(PipelineError):
    """Not published, or the target's change model refused the operation."""

    status = 409


class RemoteFailed(PipelineError):
    """ServiceNow failed; the message is its own."""

    status = 502
