"""The shared sandbox core, exercised through a tiny platform of its own ("things"): HTTPS with the
sandbox's CA, faults with a seed, the rate limiter and its time scale, statistics, the request log and
status page, persistence, seeds and the command-line helpers."""

import argparse
import io
import json
import ssl
import time
from pathlib import Path

import pytest
import requests
from cryptography import x509
from werkzeug.wrappers import Request, Response

from integrations.base.sandbox.bookkeeping import Bookkeeping
from integrations.base.sandbox.command import add_common_arguments, common_config, run
from integrations.base.sandbox.config import ServerConfig
from integrations.base.sandbox.faults import KINDS, Fault, FaultInjector, parse_faults
from integrations.base.sandbox.gateway import FAULT, USER, Platform, StatusTable
from integrations.base.sandbox.limits import RateLimiter
from integrations.base.sandbox.server import SandboxServer
from integrations.base.sandbox.store import JsonStore, read_seed_file

STATS_KEYS = {"since", "total", "by_api", "by_method", "by_status", "by_api_method", "committing_calls"}


def stream(environ, start_response):
    """A WSGI app that answers lazily: its status is known only once the body is iterated."""
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"streamed"


class Things(Platform):
    """A platform with two routes (`GET`/`POST /api/things`) over the core's store and limiter."""

    title = "Things <sandbox>"
    fault_kinds = ("maintenance",)
    links = (("/sandbox/things", "the things page"),)

    def __init__(self, server: SandboxServer) -> None:
        self.store = server.store
        self.limiter = RateLimiter(server.config.rate_limit, 300, server.config.time_scale, rolling=True)
        with self.store.transaction():
            for path in server.config.seed_files:
                for table, rows in read_seed_file(path).items():
                    for row in rows:
                        self.store.put(table, row)

    def __call__(self, environ, start_response):
        request = Request(environ)
        if request.path == "/api/stream":
            return stream(environ, start_response)
        user = request.headers.get("X-User", "")
        environ[USER] = user
        return self.respond(request, user, environ.get(FAULT))(environ, start_response)

    def respond(self, request: Request, user: str, fault: str | None) -> Response:
        if fault == "maintenance":
            return Response("Down for maintenance", 200, content_type="text/html")
        if request.path == "/sandbox/things":
            return Response("the platform's own page", 200)
        verdict = self.limiter.check(user)
        if verdict is not None and not verdict.allowed:
            headers = {"Retry-After": str(verdict.retry_after)}
            return Response(json.dumps("Rate Limit Reached"), 429, headers, content_type="application/json")
        if request.path == "/api/things" and request.method == "GET":
            return Response(json.dumps(self.store.rows("things")), 200, content_type="application/json")
        if request.path == "/api/things" and request.method == "POST":
            thing = request.get_json()
            if not isinstance(thing, dict) or "id" not in thing:
                return self.error_response(400, "Bad Request", "a thing needs an id")
            self.store.put("things", thing)
            return Response(json.dumps(thing), 201, content_type="application/json")
        return self.error_response(404, "Not Found", request.path)

    def api_of(self, path: str) -> str:
        return "things" if path.startswith("/api/things") else "other"

    def committing(self, method: str, path: str, api: str) -> bool:
        return api == "things" and method == "POST"

    def error_response(self, status: int, message: str, detail: str | None) -> Response:
        return Response(json.dumps({"errors": [message, detail]}), status, content_type="application/json")

    def status_tables(self) -> list[StatusTable]:
        return [StatusTable("Tables", ("Table", "Records"), [("things", len(self.store.rows("things")))])]


class ThingsServer(SandboxServer):
    name = "things-sandbox"
    fault_kinds = (*KINDS, "maintenance")

    def build_app(self) -> Things:
        return Things(self)


class Client:
    def __init__(self, server: ThingsServer) -> None:
        self.server, self.url = server, server.url

    def call(self, method: str, path: str, user: str = "tester", **kwargs) -> requests.Response:
        verify = str(self.server.ca_path) if self.url.startswith("https") else True
        return requests.request(
            method, self.url + path, headers={"X-User": user}, verify=verify, timeout=10, **kwargs
        )

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.call("GET", path, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.call("POST", path, **kwargs)

    def stats(self) -> dict:
        return self.get("/sandbox/stats").json()


@pytest.fixture
def things():
    servers = []

    def start(**config) -> Client:
        server = ThingsServer(ServerConfig(**config)).start()
        servers.append(server)
        return Client(server)

    yield start
    for server in servers:
        server.stop()


def test_https_with_the_sandboxs_own_ca(things):
    client = things()
    assert client.url.startswith("https://127.0.0.1:")
    assert client.get("/api/things").status_code == 200
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(client.url + "/api/things", verify=True, timeout=10)
    ca = x509.load_pem_x509_certificate(client.server.ca_path.read_bytes())
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    context = ssl.create_default_context(cafile=str(client.server.ca_path))
    assert context.get_ca_certs()[0]["subject"][-1] == (("commonName", "Portfolio Bridge sandbox CA"),)


def test_plain_http_and_a_taken_port_is_a_readable_error(things):
    client = things(https=False)
    assert client.url.startswith("http://")
    assert requests.get(client.url + "/api/things", timeout=10).status_code == 200
    taken = ServerConfig(port=client.server.httpd.server_port)
    with pytest.raises(ValueError, match="Cannot start the sandbox: cannot listen on 127.0.0.1:"):
        run(lambda: ThingsServer(taken), io.StringIO(), "Things sandbox")


def test_faults_are_deterministic_for_a_seed_and_rendered_in_the_platforms_shape(things):
    def statuses(seed: int) -> list[int]:
        client = things(faults="503:0.3,500:0.1,502:0.1,429:0.1", fault_seed=seed)
        return [client.get("/api/things").status_code for _ in range(30)]

    first, second, other = statuses(3), statuses(3), statuses(4)
    assert first == second and first != other
    assert {500, 502, 503, 429, 200} <= set(first)
    client = things(faults="503:1")
    assert client.get("/api/things").json() == {"errors": ["Service Unavailable", "Injected fault"]}
    assert client.get("/").status_code == 200 and client.stats()["by_status"] == {"503": 1}


def test_bare_429_platform_kinds_resets_and_path_prefixes(things):
    client = things(faults="/api/things@429:1,/api/gone@reset:1,/api/maint@maintenance:1")
    bare = client.get("/api/things")
    assert (bare.status_code, bare.text) == (429, "Too Many Requests") and "Retry-After" not in bare.headers
    assert client.get("/api/maint").text == "Down for maintenance"
    with pytest.raises(requests.ConnectionError):
        client.get("/api/gone")
    assert client.get("/api/other").status_code == 404
    assert client.get("/sandbox/things").status_code == 200
    assert client.stats()["by_status"] == {"429": 1, "200": 1, "0": 1, "404": 1}


def test_slow_faults_delay_and_can_be_switched_off_live(things):
    client = things(faults="slow:1", slow_seconds=0.3)
    started = time.monotonic()
    assert client.get("/api/things").status_code == 200
    assert time.monotonic() - started >= 0.3
    client.server.faults.faults = [Fault("503", 1.0, "/api/things")]
    assert client.get("/api/things").status_code == 503
    client.server.faults.enabled = False
    assert client.get("/api/things").status_code == 200


def test_a_lost_answer_is_carried_out_then_dropped_for_one_method_path_and_count(things):
    client = things(faults="POST /api/things$@lost:1:1")
    with pytest.raises(requests.ConnectionError):
        client.post("/api/things", json={"id": 1})
    assert client.get("/api/things").json() == [{"id": 1}]  # done, though its answer never came
    assert client.post("/api/things", json={"id": 2}).status_code == 201  # the fault was drawn once
    assert client.stats()["committing_calls"] == 2


def test_fault_rules_may_name_a_method_a_whole_path_and_a_count():
    rules = [Fault("lost", 1.0, "/api/things$", "POST", 2), Fault("503", 0.5, "/api/", "GET", 0)]
    assert parse_faults("POST /api/things$@lost:1:2,get 503:0.5") == rules
    injector = FaultInjector(parse_faults("PUT /api/a$@503:1:1"))
    assert injector.draw("/api/ab", "PUT") is None and injector.draw("/api/a", "GET") is None
    assert [injector.draw("/api/a", "PUT"), injector.draw("/api/a", "PUT")] == ["503", None]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("boom:0.1", "unknown fault kind 'boom'"),
        ("503:2", "between 0 and 1"),
        ("503:x", "a number"),
        ("FETCH /api/x@503:1", "unknown method 'FETCH'"),
        ("503:1:0", "whole number above 0"),
        ("503:1:two", "whole number above 0"),
    ],
)
def test_bad_fault_specs_are_refused(spec, message):
    with pytest.raises(ValueError, match=message):
        parse_faults(spec)


def test_platform_kinds_are_only_accepted_where_declared():
    assert parse_faults("maintenance:0.5", (*KINDS, "maintenance")) == [Fault("maintenance", 0.5, "/api/")]
    with pytest.raises(ValueError, match="use one of 500, 502, 503, 429, reset, lost, slow$"):
        parse_faults("maintenance:0.5")


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_fixed_window_is_aligned_to_the_clock_and_counts_per_key():
    clock = Clock(3600 * 100 + 3000)
    limiter = RateLimiter(2, 3600, clock=clock)
    assert [limiter.check("a").allowed for _ in range(3)] == [True, True, False]
    assert limiter.check("b").allowed
    refused = limiter.check("a")
    assert (refused.retry_after, refused.reset, refused.limit) == (600, 3600 * 101, 2)
    clock.now += 600
    assert limiter.check("a").allowed
    assert RateLimiter(None, 3600).check("a") is None


def test_a_rolling_window_frees_each_slot_a_window_after_its_request():
    clock = Clock()
    limiter = RateLimiter(2, 300, rolling=True, clock=clock)
    assert limiter.check("a").allowed
    clock.now += 200
    assert limiter.check("a").allowed
    clock.now += 99
    refused = limiter.check("a")
    assert not refused.allowed and refused.retry_after == 1
    clock.now += 1.5  # the first request has left the window; the second has not
    assert limiter.check("a").allowed and not limiter.check("a").allowed
    for key in range(1000):
        limiter.check(f"k{key}")
    clock.now += 301
    limiter.check("a")
    assert list(limiter.recent) == ["a"]


def test_the_time_scale_shortens_the_window_of_a_running_sandbox(things):
    client = things(rate_limit=2, time_scale=600)  # five minutes in half a second
    statuses = [client.get("/api/things").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert client.get("/api/things", user="other").status_code == 200
    time.sleep(0.55)
    assert client.get("/api/things").status_code == 200
    with pytest.raises(ValueError, match="positive"):
        RateLimiter(1, 300, 0)


def test_stats_have_the_fixed_layout_and_reset(things):
    client = things()
    client.post("/api/things", json={"id": 1, "name": "one"})
    client.post("/api/things", json={"name": "no id"})
    client.get("/api/things")
    client.get("/api/nothing")
    stats = client.stats()
    assert set(stats) == STATS_KEYS
    assert stats["total"] == 4
    assert stats["by_api"] == {"things": 3, "other": 1}
    assert stats["by_method"] == {"POST": 2, "GET": 2}
    assert stats["by_status"] == {"201": 1, "400": 1, "200": 1, "404": 1}
    assert stats["by_api_method"] == {"things POST": 2, "things GET": 1, "other GET": 1}
    assert stats["committing_calls"] == 1
    refused = client.get("/sandbox/stats/reset")
    assert refused.status_code == 405 and refused.json() == {"errors": ["Method not Supported", "Use POST"]}
    assert client.post("/sandbox/stats/reset").json()["total"] == 0
    assert client.stats()["total"] == 0


def test_a_lazily_started_answer_is_counted_once_sent(things):
    client = things()
    assert client.get("/api/stream").text == "streamed"
    deadline = time.monotonic() + 2
    while client.stats()["total"] == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert client.stats()["by_status"] == {"200": 1}


def test_status_page_shows_the_platforms_tables_and_the_request_log(things):
    client = things()
    client.post("/api/things", json={"id": 7, "name": "seven"}, user="<b>eve</b>")
    page = client.get("/").text
    assert "<h1>Things &lt;sandbox&gt;</h1>" in page
    assert f"<code>{client.url}</code>" in page and '<a href="/sandbox/things">the things page</a>' in page
    assert "<td>things</td><td class=n>1</td>" in page
    assert "<td>POST</td><td>/api/things</td><td class=n>201</td><td>&lt;b&gt;eve&lt;/b&gt;</td>" in page
    assert "<b>eve</b>" not in page


def test_the_request_log_keeps_the_newest_requests_only():
    book = Bookkeeping(recent=2)
    for n in range(3):
        book.record("GET", f"/api/{n}", 200, "u", "x", False)
    assert [entry[2] for entry in book.last()] == ["/api/2", "/api/1"]
    assert book.snapshot()["total"] == 3


def test_state_persists_in_the_data_directory_and_reset_starts_fresh(things, tmp_path):
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps({"things": [{"id": 1, "name": "seeded"}]}))
    first = things(data_dir=tmp_path / "data", seed_files=[seed])
    first.post("/api/things", json={"id": 2, "name": "survivor"})
    ca = first.server.ca_path.read_bytes()
    first.server.stop()
    second = things(data_dir=tmp_path / "data")
    assert {t["name"] for t in second.get("/api/things").json()} == {"seeded", "survivor"}
    assert second.server.ca_path.read_bytes() == ca  # clients keep trusting the same CA
    second.server.stop()
    third = things(data_dir=tmp_path / "data", reset=True)
    assert third.get("/api/things").json() == []


def test_store_transactions_undo_in_memory_too_and_counters_persist(tmp_path):
    store = JsonStore(tmp_path / "db.sqlite3")
    store.put("things", {"id": 1, "name": "kept"})
    with pytest.raises(RuntimeError), store.transaction():
        store.put("things", {"id": 2, "name": "undone"})
        store.remove("things", "1")
        raise RuntimeError
    assert store.rows("things") == [{"id": 1, "name": "kept"}]
    assert [store.next_value("id:things"), store.next_value("id:things", 100)] == [1, 2]
    store.put_blob("1", b"\x00bytes")
    store.close()
    again = JsonStore(tmp_path / "db.sqlite3")
    assert again.get("things", "1")["name"] == "kept" and again.blob("1") == b"\x00bytes"
    assert again.next_value("id:things") == 3
    again.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1, 2]", "expected an object mapping table names"),
        ('{"things": [1]}', "every record of things must be an object"),
        ("{not json", "not a JSON document"),
        (b"\xff\xfe", "not a JSON document"),
    ],
)
def test_bad_seed_files_are_refused_before_anything_is_written(tmp_path, content, message):
    path = tmp_path / "seed.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(ValueError, match=message):
        read_seed_file(path)


def test_oversized_seed_files_are_refused_before_parsing(tmp_path):
    path = tmp_path / "seed.json"
    path.write_text(json.dumps({"things": [{"id": n} for n in range(100)]}))
    with pytest.raises(ValueError, match="larger than"):
        read_seed_file(path, max_bytes=100)
    with pytest.raises(ValueError, match="Cannot start the sandbox: .*every record"):
        path.write_text('{"things": ["x"]}')
        run(lambda: ThingsServer(ServerConfig(seed_files=[path])), io.StringIO(), "Things sandbox")


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(exit_on_error=False)
    add_common_arguments(
        parser,
        port=8444,
        data_dir=Path("var/things"),
        rate_limit_metavar="N_PER_5_MIN",
        rate_limit_help="requests per rolling five minutes",
        time_scale_help="60 makes five minutes five seconds",
        rate_limit_default=300,
    )
    return parser


def test_common_arguments_carry_the_platforms_defaults_into_the_config():
    options = vars(parser().parse_args([]))
    assert common_config(options) == {
        "host": "127.0.0.1",
        "port": 8444,
        "https": True,
        "data_dir": Path("var/things"),
        "reset": False,
        "seed_files": [],
        "rate_limit": 300,
        "time_scale": 1.0,
        "faults": "",
        "fault_seed": 0,
    }
    args = ["--http", "--reset", "--rate-limit", "5", "--time-scale", "60", "--faults", "503:0.5"]
    config = ServerConfig(**common_config(vars(parser().parse_args([*args, "--fault-seed", "9"]))))
    assert (config.https, config.reset, config.rate_limit, config.time_scale) == (False, True, 5, 60.0)
    assert (config.faults, config.fault_seed) == ("503:0.5", 9)
    assert "N_PER_5_MIN" in parser().format_help()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--faults", "maintenance:1"], "unknown fault kind"),
        (["--seed", "/nonexistent.json"], "No such seed file"),
        (["--time-scale", "0"], "--time-scale must be positive"),
        (["--rate-limit", "-1"], "--rate-limit must not be negative"),
    ],
)
def test_common_arguments_are_checked_with_a_readable_message(args, message):
    with pytest.raises(ValueError, match=message):
        common_config(vars(parser().parse_args(args)))


def test_run_prints_where_the_sandbox_is_and_stops_cleanly_on_interrupt():
    class Interrupted(ThingsServer):
        def serve_forever(self) -> None:
            raise KeyboardInterrupt

    servers: list[ThingsServer] = []

    def start() -> ThingsServer:
        servers.append(Interrupted(ServerConfig(https=False)))
        return servers[0]

    out = io.StringIO()
    run(start, out, "Things sandbox", ["Users: tester"])
    url = servers[0].url
    assert out.getvalue() == (f"Things sandbox at {url}/CA certificate: {servers[0].ca_path}Users: tester")
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/api/things", timeout=2)
