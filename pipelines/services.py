"""The change operations, as plain functions for the HTTP API and the management commands alike. Each
one talks to the connection's platform through its `ChangeApi`, audits every call, and records what it
did on the change's timeline under the actor's name (a token's, or an admin's)."""

import re
import uuid

from catalog.models import BusinessApplication, DeploymentProfile
from integrations.base.changes import (
    CHANGE_TYPES,
    CLOSE_CODES,
    AttachmentInfo,
    ChangeInput,
    ChangeState,
    verdict,
)
from integrations.base.platform import Platform, platform_of
from integrations.models import Connection
from pipelines.audit import CallRecorder
from pipelines.errors import ChangeNotFound, Conflict, InvalidInput, NotAllowed, PipelineError, RemoteFailed
from pipelines.models import ChangeRequest, EventKind, PipelineToken, Scope
from pipelines.polling import apply_state, schedule_next
from pipelines.remote import change_api
from sync.models import RecordKind, SyncMapEntry

CONTENT_TYPE = re.compile(r"[A-Za-z0-9][\w.+-]*/[A-Za-z0-9][\w.+-]*", re.ASCII)


def supports_changes(connection: Connection) -> bool:
    try:
        platform = platform_of(connection)
    except LookupError:
        return False
    return type(platform).changes is not Platform.changes


def change_connections(namespace) -> list[Connection]:
    """The namespace's connections whose platform manages change requests."""
    return [c for c in Connection.objects.filter(namespace=namespace).order_by("name") if supports_changes(c)]


def pick_connection(namespace, name: str = "") -> Connection:
    candidates = change_connections(namespace)
    if name:
        found = next((c for c in candidates if c.name == name), None)
        if found is None:
            raise InvalidInput(
                f"The namespace has no connection “{name}” that manages change requests.",
                {"connection": ["No such connection that manages change requests."]},
            )
        return found
    if len(candidates) == 1:
        return candidates[0]
    reason = "has none" if not candidates else f"has {len(candidates)}; name one"
    raise InvalidInput(
        f"Give the connection: the namespace {reason} that manages change requests.",
        {"connection": ["This field is required."]},
    )


def resolve_deployment(
    namespace, connection: Connection, application: str, environment: str, deployment: str
):
    """The deployment profile a change is for: by id, or the application's deployment in an environment
    (the one published to the connection when there are several)."""
    if deployment:
        try:
            uuid.UUID(str(deployment))
        except ValueError:
            raise InvalidInput(
                f"“{deployment}” is no deployment id (a UUID).", {"deployment": ["Not a UUID."]}
            ) from None
        found = DeploymentProfile.objects.filter(namespace=namespace, pk=deployment).first()
        if found is None:
            raise InvalidInput(
                f"The namespace has no deployment {deployment}.", {"deployment": ["No such deployment."]}
            )
        return found
    if not application or not environment:
        raise InvalidInput(
            "Give the application and environment, or the deployment.",
            {
                field: ["This field is required."]
                for field, value in (("application", application), ("environment", environment))
                if not value
            },
        )
    app = BusinessApplication.objects.filter(namespace=namespace, app_id=application).first()
    if app is None:
        raise InvalidInput(
            f"The namespace has no application {application}.", {"application": ["No such application."]}
        )
    deployments = list(app.deployments.filter(environment__iexact=environment).order_by("name"))
    if not deployments:
        raise InvalidInput(
            f"Application {application} has no deployment in environment “{environment}”.",
            {"environment": ["No deployment of the application in this environment."]},
        )
    if len(deployments) > 1:
        published = set(
            SyncMapEntry.objects.filter(
                connection=connection, kind=RecordKind.DEPLOYMENT, record_id__in=[d.pk for d in deployments]
            )
            .exclude(target_id="")
            .values_list("record_id", flat=True)
        )
        deployments = [d for d in deployments if d.pk in published] or deployments
        if len(deployments) > 1:
            raise InvalidInput(
                f"Application {application} has {len(deployments)} deployments in “{environment}”; "
                "give the deployment id instead.",
                {"deployment": ["Several deployments match; give one's id."]},
            )
    return deployments[0]


def published_ci(connection: Connection, deployment: DeploymentProfile) -> str:
    entry = (
        SyncMapEntry.objects.filter(
            connection=connection, kind=RecordKind.DEPLOYMENT, record_id=deployment.pk
        )
        .exclude(target_id="")
        .first()
    )
    if entry is None:
        raise Conflict(
            f"Deployment “{deployment.name}” ({deployment.application.app_id}, {deployment.environment}) is "
            f"not published to connection {connection.name}; publish it first."
        )
    return entry.target_id


def check_input(change: ChangeInput) -> None:
    errors: dict[str, list[str]] = {}
    if change.type not in CHANGE_TYPES:
        errors["type"] = [f"Use one of: {', '.join(CHANGE_TYPES)}."]
    if not change.short_description.strip():
        errors["short_description"] = ["This field is required."]
    if change.type == "standard" and not change.template.strip():
        errors["template"] = ["A standard change is made from a template: name it."]
    for name in ("template", "assignment_group", "parent"):
        value = getattr(change, name)
        if any(ord(ch) < 32 for ch in value) or len(value) > 200:
            errors[name] = ["One line of at most 200 characters."]
    if errors:
        raise InvalidInput("The change request is not valid.", errors)


def create_change(
    namespace,
    change: ChangeInput,
    *,
    connection: str = "",
    application: str = "",
    environment: str = "",
    deployment: str = "",
    token: PipelineToken | None = None,
    actor: str = "",
) -> ChangeRequest:
    """Create a change for a deployment, with `cmdb_ci` its record in the connection's target."""
    check_input(change)
    if change.parent:
        try:
            parent = find_change(namespace, change.parent, token)
        except ChangeNotFound as exc:
            raise InvalidInput(exc.message, {"parent": [exc.message]}) from None
        change = ChangeInput(**{**change.__dict__, "parent": parent.sys_id})
    target = pick_connection(namespace, connection)
    profile = resolve_deployment(namespace, target, application, environment, deployment)
    ci = published_ci(target, profile)
    actor = actor or (token.name if token else "")
    recorder = CallRecorder(namespace, actor)
    with change_api(target, recorder) as api:
        state = api.create(ChangeInput(**{**change.__dict__, "cmdb_ci": ci}))
    row = ChangeRequest.objects.create(
        namespace=namespace,
        connection=target,
        token=token,
        deployment=profile,
        application=profile.application.app_id,
        environment=profile.environment,
        sys_id=state.sys_id,
        number=state.number,
        type=state.type,
        url=state.url,
        state=state.state,
        state_label=state.state_label,
        approval=state.approval,
        cmdb_ci=state.cmdb_ci or ci,
        verdict=verdict(state),
    )
    recorder.bind(row)
    row.events.create(kind=EventKind.CREATED, message=f"{state.type} change {state.number}", token_name=actor)
    try:
        with change_api(target, recorder) as api:
            apply_state(row, api.request_approval(state), actor)
    except PipelineError as exc:  # the next poll asks again
        row.poll_error = exc.message
        row.save(update_fields=["poll_error", "updated_at"])
    schedule_next(row)
    return row


def find_change(
    namespace, number: str, token: PipelineToken | None = None, write: bool = False
) -> ChangeRequest:
    """A change of the namespace by number; a token with the `changes` scope sees only its own, and only
    its own may be changed by any token."""
    found = ChangeRequest.objects.select_related("connection", "token").filter(
        namespace=namespace, number=number
    )
    change = (found.filter(token=token).first() if token else None) or found.order_by("-created_at").first()
    if change is None or (token and token.scope == Scope.CHANGES and change.token_id != token.pk):
        raise ChangeNotFound(f"No change request {number} here.")
    if token and write and change.token_id != token.pk:
        raise NotAllowed(f"This token may read {number} but change only the change requests it created.")
    return change


def _actor(change: ChangeRequest, actor: str) -> CallRecorder:
    return CallRecorder(change.namespace, actor, change)


def known_state(change: ChangeRequest) -> ChangeState | None:
    """The state the row last saw, to start a walk from without reading it again."""
    if not change.state:
        return None
    return ChangeState(
        change.sys_id, change.number, change.type, change.state, change.state_label, change.approval
    )


def _refreshed_after_refusal(change: ChangeRequest, actor: str) -> None:
    """A walk through the state model may be refused after its first steps: the row then shows where the
    change really stopped."""
    try:
        with change_api(change.connection, _actor(change, actor)) as api:
            apply_state(change, api.status(change.sys_id), actor)
    except PipelineError:
        pass


def implement_change(change: ChangeRequest, actor: str = "") -> ChangeRequest:
    """Move an approved change through the state model to Implement."""
    try:
        with change_api(change.connection, _actor(change, actor)) as api:
            state = api.implement(change.sys_id, known_state(change))
    except (Conflict, RemoteFailed):
        _refreshed_after_refusal(change, actor)
        raise
    apply_state(change, state, actor)
    return change


def add_work_note(change: ChangeRequest, text: str, actor: str = "") -> None:
    if not text.strip():
        raise InvalidInput("A work note needs text.", {"text": ["This field is required."]})
    with change_api(change.connection, _actor(change, actor)) as api:
        api.work_note(change.sys_id, text)
    change.events.create(kind=EventKind.WORK_NOTE, message=text[:2000], token_name=actor)


def plain_type(content_type: str) -> str:
    """The upload's declared type when it is a plain `type/subtype` (it goes on as a header)."""
    if CONTENT_TYPE.fullmatch(content_type or ""):
        return content_type
    return "application/octet-stream"


def attach_file(
    change: ChangeRequest, file_name: str, content: bytes, content_type: str = "", actor: str = ""
) -> AttachmentInfo:
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name or any(ord(ch) < 32 for ch in name) or len(name) > 200:
        raise InvalidInput("The file needs a name of one line.", {"file": ["The file needs a name."]})
    with change_api(change.connection, _actor(change, actor)) as api:
        info = api.attach(change.sys_id, name, content, plain_type(content_type))
    change.events.create(
        kind=EventKind.ATTACHMENT,
        message=f"{info.file_name} ({info.size_bytes:,} bytes)",
        token_name=actor,
        data={
            "sys_id": info.sys_id,
            "file_name": info.file_name,
            "size_bytes": info.size_bytes,
            "content_type": info.content_type,
            "download_link": info.download_link,
        },
    )
    return info


def close_change(change: ChangeRequest, code: str, notes: str, actor: str = "") -> ChangeRequest:
    errors = {}
    if code not in CLOSE_CODES:
        errors["code"] = [f"Use one of: {', '.join(CLOSE_CODES)}."]
    if not notes.strip():
        errors["notes"] = ["Close notes are required."]
    if errors:
        raise InvalidInput("The change cannot be closed like this.", errors)
    try:
        with change_api(change.connection, _actor(change, actor)) as api:
            state = api.close(change.sys_id, code, notes, known_state(change))
    except (Conflict, RemoteFailed):
        _refreshed_after_refusal(change, actor)
        raise
    apply_state(change, state, actor, note=f"{code}: {notes}"[:2000])
    return change
