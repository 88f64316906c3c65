"""The audit log is written ahead: each call attempt is committed before the target receives it, then
completed with its answer; an attempt that never got one shows as sent, with no answer recorded."""

import contextlib
import socket
import threading
from collections import Counter
from dataclasses import replace

import pytest
from django.db import connections
from django.urls import reverse

from catalog.choices import Role
from integrations.servicenow.client import ServiceNowClient
from integrations.servicenow.exceptions import ConnectionFailed
from integrations.servicenow.platform import client_settings
from sync.audit import AuditRecorder
from sync.models import AuditEntry, AuditState, Run, RunKind, RunStatus
from tests.conftest import member
from tests.factories import ConnectionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def run_against(namespace, url: str, ca: str = "") -> Run:
    connection = ConnectionFactory(namespace=namespace, instance_url=url, ca_bundle=ca)
    return Run.objects.create(connection=connection, kind=RunKind.PREVIEW, status=RunStatus.RUNNING)


def audited_client(run: Run, **settings) -> ServiceNowClient:
    return ServiceNowClient(replace(client_settings(run.connection), **settings), audit=AuditRecorder(run))


def watch(sandbox, run: Run) -> list[tuple[str, list]]:
    """For each request the sandbox receives: its path, and the run's audit rows another database
    connection (the sandbox's thread) sees at that moment, that is, the committed ones."""
    app, seen = sandbox.server.app, []
    respond = app.respond

    def look_then_respond(request, api, fault):
        seen.append(
            (request.path, list(AuditEntry.objects.filter(run=run).values_list("path", "attempt", "state")))
        )
        connections.close_all()
        return respond(request, api, fault)

    app.respond = look_then_respond
    return seen


def test_a_call_is_committed_to_the_audit_before_the_target_receives_it(namespace, sandbox):
    run = run_against(namespace, sandbox.url, sandbox.ca_pem)
    seen = watch(sandbox, run)
    audited_client(run).count("sys_user")
    assert seen == [("/api/now/table/sys_user", [("/api/now/table/sys_user", 1, AuditState.SENT)])]
    entry = run.audit.get()
    assert (entry.state, entry.status, entry.attempt) == (AuditState.ANSWERED, 200, 1)
    assert entry.response_body and entry.duration_ms >= 0


def test_every_retried_attempt_is_written_ahead_and_answered(namespace, make_sandbox):
    sandbox = make_sandbox(faults="/api/now/table@503:0.3", fault_seed=4)
    run = run_against(namespace, sandbox.url, sandbox.ca_pem)
    seen = watch(sandbox, run)
    client = audited_client(run)
    for _ in range(4):
        client.count("sys_user")
    entries = list(run.audit.values_list("attempt", "status", "state"))
    assert len(seen) == len(entries) > 4  # one row per request the target received, retries included
    assert {state for _a, _s, state in entries} == {AuditState.ANSWERED}
    assert Counter(status for _a, status, _s in entries) == Counter({200: 4, 503: len(entries) - 4})
    # each attempt was on record, still unanswered, when it arrived; the ones before it were answered
    for number, (_path, rows) in enumerate(seen):
        assert len(rows) == number + 1 and rows[-1][2] == AuditState.SENT
        assert all(state == AuditState.ANSWERED for _p, _a, state in rows[:-1])
    assert max(attempt for attempt, _s, _st in entries) >= 2


def test_an_unreachable_target_leaves_every_attempt_answered_with_the_reason(namespace):
    """A refused connection is not retried (one attempt); a dropped one is, and each attempt is answered."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    refused = run_against(namespace, f"https://127.0.0.1:{port}")
    with pytest.raises(ConnectionFailed):
        audited_client(refused, attempts=2).count("sys_user")
    assert list(refused.audit.values_list("attempt", "status", "state")) == [(1, 0, AuditState.ANSWERED)]

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        stop = threading.Event()

        def hang_up() -> None:
            while not stop.is_set():
                with contextlib.suppress(OSError):
                    listener.accept()[0].close()

        threading.Thread(target=hang_up, daemon=True).start()
        dropped = run_against(namespace, f"https://127.0.0.1:{listener.getsockname()[1]}")
        with pytest.raises(ConnectionFailed):
            audited_client(dropped, attempts=2).count("sys_user")
        stop.set()
    entries = list(dropped.audit.values_list("attempt", "status", "state", "error"))
    assert [(a, s, st) for a, s, st, _e in entries] == [
        (1, 0, AuditState.ANSWERED),
        (2, 0, AuditState.ANSWERED),
    ]
    assert all(error for *_rest, error in entries)


def test_the_audit_page_shows_a_call_sent_without_an_answer(client, namespace):
    run = run_against(namespace, "https://127.0.0.1:9")
    Run.objects.filter(pk=run.pk).update(status=RunStatus.INTERRUPTED)
    AuditEntry.objects.create(
        run=run, method="POST", path="/api/now/identifyreconcile", status=0, duration_ms=0, state="sent"
    )
    AuditEntry.objects.create(
        run=run, method="GET", path="/api/now/table/sys_user", status=200, duration_ms=5
    )
    client.force_login(member(namespace, Role.ADMIN))
    page = client.get(reverse("sync:run_audit", args=[namespace.slug, run.pk])).content.decode()
    assert page.count("Sent — no answer recorded") == 1
    assert "the worker stopped during this call" in page
