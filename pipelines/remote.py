"""The connection's change API for one operation: every call audited, and the platform's errors turned
into the pipeline's (the target's own message kept)."""

from collections.abc import Iterator
from contextlib import contextmanager

from integrations.base.changes import ChangeApi, ChangeRefused, UnknownReference, remote_message
from integrations.base.errors import TargetError, Unsupported
from integrations.base.platform import platform_of
from integrations.models import Connection
from pipelines.audit import CallRecorder
from pipelines.errors import Conflict, InvalidInput, RemoteFailed


@contextmanager
def change_api(connection: Connection, recorder: CallRecorder) -> Iterator[ChangeApi]:
    """The connection's change API with every call audited; the platform's errors become the
    pipeline's (the target's own message kept)."""
    platform = platform_of(connection)
    try:
        with platform.client(connection, audit=recorder) as client:
            yield platform.changes(client)
    except ChangeRefused as exc:
        raise Conflict(remote_message(exc)) from None
    except UnknownReference as exc:
        raise InvalidInput(exc.message, {exc.field: [exc.message]}) from None
    except Unsupported as exc:
        raise InvalidInput(exc.message, {"connection": [exc.message]}) from None
    except TargetError as exc:
        raise RemoteFailed(remote_message(exc)) from None
