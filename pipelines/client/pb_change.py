#!/usr/bin/env python3
"""pb-change: gate a pipeline's deployment on a ServiceNow change request, through Portfolio Bridge.

Portfolio Bridge knows which ServiceNow service instance is "application APP-0042 in Production", so the
change it opens names the right configuration item. This script is the pipeline's side: one file, the
Python standard library only (3.9+).

    export PB_URL=https://portfolio.example.org PB_TOKEN=pbt_...
    pb-change create --app APP-0042 --env Production --short-description "Deploy 2.4.1"
    pb-change wait CHG0030001 --timeout 3600 --interval 30
    pb-change implement CHG0030001
    pb-change attach CHG0030001 test-report.xml
    pb-change close CHG0030001 --code successful --notes "Deployed 2.4.1"

Exit codes: 0 proceed (or done), 1 rejected or canceled, 2 timed out waiting, 3 usage, connection or
request error. `create` prints the change number on the first line and its link on the second (`--json`
prints the whole change); with `GITHUB_OUTPUT` set it also writes `number=` and `sys_id=` there.
"""

import argparse
import json
import os
import ssl
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

PROCEED, ABORT, TIMEOUT, ERROR = 0, 1, 2, 3
API = "/api/pipeline/v1"
VERSION = "1.0"
MAX_WAIT_ERRORS = 10  # consecutive failed polls before `wait` gives up (exit 3)


class Failure(Exception):
    """A request that failed: the message is for the pipeline's log."""


class Client:
    def __init__(self, url: str, token: str, cacert: str = "", timeout: float = 60) -> None:
        self.base = url.rstrip("/") + API
        self.token = token
        self.timeout = timeout
        self.context = ssl.create_default_context(cafile=cacert or None)

    def call(self, method: str, path: str, body=None, content_type: str = "application/json") -> dict:
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)  # noqa: S310 (http(s) only: main)
        request.add_header("Authorization", f"Bearer {self.token}")
        request.add_header("Accept", "application/json")
        request.add_header("User-Agent", f"pb-change/{VERSION}")
        if data is not None:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout, context=self.context) as answer:  # noqa: S310
                return json.loads(answer.read() or b"{}")
        except urllib.error.HTTPError as exc:
            raise Failure(f"{exc.code} {reason(exc)}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise Failure(f"Portfolio Bridge could not be reached at {self.base}: {exc}") from None

    def upload(self, path: str, file: Path) -> dict:
        boundary = uuid.uuid4().hex
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file.name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        body = head + file.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        return self.call("POST", path, body, f"multipart/form-data; boundary={boundary}")


def reason(exc: "urllib.error.HTTPError") -> str:
    """The API's own explanation (`detail`, and the field errors), else the HTTP reason."""
    try:
        body = json.loads(exc.read() or b"{}")
    except ValueError:
        return exc.reason or "error"
    text = str(body.get("detail") or exc.reason or "error") if isinstance(body, dict) else str(body)
    errors = body.get("errors") if isinstance(body, dict) else None
    if isinstance(errors, dict):
        text += "".join(f"\n  {field}: {'; '.join(map(str, msgs))}" for field, msgs in errors.items())
    return text


def show(change: dict) -> str:
    return (
        f"{change.get('number')}: {change.get('state_label')} (approval {change.get('approval')}, "
        f"verdict {change.get('verdict')})"
    )


def create(client: Client, args) -> int:
    fields = {
        "connection": args.connection,
        "application": args.app,
        "environment": args.env,
        "deployment": args.deployment,
        "type": args.type,
        "template": args.template,
        "short_description": args.short_description,
        "description": args.description,
        "implementation_plan": args.implementation_plan,
        "backout_plan": args.backout_plan,
        "test_plan": args.test_plan,
        "justification": args.justification,
        "risk": args.risk,
        "impact": args.impact,
        "priority": args.priority,
        "assignment_group": args.assignment_group,
        "start_date": args.start,
        "end_date": args.end,
        "parent": args.parent,
    }
    change = client.call("POST", "/changes/", {k: v for k, v in fields.items() if v})
    if args.json:
        print(json.dumps(change, indent=2))
    else:
        print(change["number"])
        print(change.get("url") or change.get("page") or "")
        print(f"cmdb_ci {change.get('cmdb_ci')}; {show(change)}", file=sys.stderr)
    outputs = os.environ.get("GITHUB_OUTPUT")
    if outputs:
        with open(outputs, "a", encoding="utf-8") as out:
            out.write(f"number={change['number']}\nsys_id={change.get('sys_id', '')}\n")
    return PROCEED


def wait(client: Client, args) -> int:
    """Poll until the change may proceed, is rejected or canceled, or the time is up. Portfolio Bridge
    asks ServiceNow once per interval however many pipelines wait, so polling it often is cheap."""
    deadline = time.monotonic() + args.timeout
    errors = 0
    while True:
        try:
            change = client.call("GET", f"/changes/{args.number}/")
            errors = 0
        except Failure as exc:
            errors += 1
            print(f"poll failed ({errors}): {exc}", file=sys.stderr)
            if errors >= MAX_WAIT_ERRORS or str(exc)[:3] in ("401", "403", "404"):
                return ERROR
            change = {}
        if change:
            print(show(change), file=sys.stderr)
            if change.get("verdict") == "proceed":
                print(change["number"])
                return PROCEED
            if change.get("verdict") == "abort":
                outcome = "rejected" if change.get("approval") == "rejected" else "canceled"
                print(f"{change['number']} was {outcome}")
                return ABORT
        left = deadline - time.monotonic()
        if left <= 0:
            print(f"Timed out after {args.timeout:g} s waiting for {args.number}", file=sys.stderr)
            return TIMEOUT
        time.sleep(min(args.interval, left))


def implement(client: Client, args) -> int:
    print(show(client.call("POST", f"/changes/{args.number}/implement/", {})))
    return PROCEED


def note(client: Client, args) -> int:
    client.call("POST", f"/changes/{args.number}/notes/", {"text": args.text})
    return PROCEED


def attach(client: Client, args) -> int:
    files = [Path(name) for name in args.files]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise Failure(f"No such file: {', '.join(missing)}")
    for file in files:
        answer = client.upload(f"/changes/{args.number}/attachments/", file)
        print(
            f"{answer.get('file_name')} ({answer.get('size_bytes')} bytes) {answer.get('download_link', '')}"
        )
    return PROCEED


def close(client: Client, args) -> int:
    body = {"code": args.code, "notes": args.notes}
    print(show(client.call("POST", f"/changes/{args.number}/close/", body)))
    return PROCEED


def status(client: Client, args) -> int:
    change = client.call("GET", f"/changes/{args.number}/")
    print(json.dumps(change, indent=2) if args.json else show(change))
    return {"proceed": PROCEED, "abort": ABORT}.get(change.get("verdict"), PROCEED)


class Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(ERROR, f"{self.prog}: error: {message}\n")


def positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 7 * 24 * 3600:
        raise argparse.ArgumentTypeError("must be above 0 and at most a week (604800 s)")
    return value


def parser() -> Parser:
    top = Parser(prog="pb-change", description=__doc__.split("\n\n")[0])
    top.add_argument(
        "--url", default=os.environ.get("PB_URL", ""), help="Portfolio Bridge's address (PB_URL)"
    )
    top.add_argument("--token", default=os.environ.get("PB_TOKEN", ""), help="a pipeline token (PB_TOKEN)")
    top.add_argument(
        "--cacert", default=os.environ.get("PB_CA_BUNDLE", ""), help="CA file to trust (PB_CA_BUNDLE)"
    )
    commands = top.add_subparsers(dest="command", required=True, parser_class=Parser)

    new = commands.add_parser("create", help="open a change request for an application's environment")
    new.add_argument("--app", help="the application id, e.g. APP-0042")
    new.add_argument("--env", help="its environment, e.g. Production")
    new.add_argument("--deployment", help="or a deployment profile id instead of --app/--env")
    new.add_argument("--connection", help="the ServiceNow connection's name (when there are several)")
    new.add_argument("--type", choices=("normal", "standard", "emergency"), default="normal")
    new.add_argument("--template", help="the standard change template's name (--type standard)")
    new.add_argument("--short-description", required=True)
    for name in ("description", "implementation-plan", "backout-plan", "test-plan", "justification"):
        new.add_argument(f"--{name}")
    for name in ("risk", "impact", "priority", "assignment-group"):
        new.add_argument(f"--{name}")
    new.add_argument("--start", help="planned start (ISO 8601)")
    new.add_argument("--end", help="planned end (ISO 8601)")
    new.add_argument("--parent", help="the change this one rolls back (its number)")
    new.add_argument("--json", action="store_true", help="print the whole change as JSON")
    new.set_defaults(run=create)

    waiting = commands.add_parser(
        "wait", help="wait until approved (0), rejected or canceled (1), or timeout (2)"
    )
    waiting.add_argument("number")
    waiting.add_argument("--timeout", type=positive, default=3600, help="seconds (default 3600)")
    waiting.add_argument("--interval", type=positive, default=30, help="seconds between polls (default 30)")
    waiting.set_defaults(run=wait)

    for name, run, text in (("implement", implement, "move the change to Implement"),):
        command = commands.add_parser(name, help=text)
        command.add_argument("number")
        command.set_defaults(run=run)

    noting = commands.add_parser("note", help="add a work note")
    noting.add_argument("number")
    noting.add_argument("text")
    noting.set_defaults(run=note)

    attaching = commands.add_parser("attach", help="attach files (test results, scan reports)")
    attaching.add_argument("number")
    attaching.add_argument("files", nargs="+")
    attaching.set_defaults(run=attach)

    closing = commands.add_parser("close", help="close the change with a close code")
    closing.add_argument("number")
    closing.add_argument("--code", required=True, choices=("successful", "successful_issues", "unsuccessful"))
    closing.add_argument("--notes", required=True)
    closing.set_defaults(run=close)

    state = commands.add_parser("status", help="print the change's state (exit 1 when rejected or canceled)")
    state.add_argument("number")
    state.add_argument("--json", action="store_true")
    state.set_defaults(run=status)
    return top


def main(argv=None) -> int:
    command = parser()
    args = command.parse_args(argv)
    if not args.url or not args.token:
        command.error("set --url and --token (or PB_URL and PB_TOKEN)")
    if not args.url.lower().startswith(("https://", "http://")):
        command.error(f"--url must start with https:// or http://, not {args.url!r}")
    if args.command == "create" and not args.deployment and not (args.app and args.env):
        command.error("create needs --app and --env, or --deployment")
    try:
        return args.run(Client(args.url, args.token, args.cacert), args)
    except Failure as exc:
        print(f"pb-change: {exc}", file=sys.stderr)
        return ERROR
    except KeyboardInterrupt:
        return ERROR


if __name__ == "__main__":
    sys.exit(main())
