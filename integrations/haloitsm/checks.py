"""“Test connection” for HaloITSM: can the API application get a token, read what the product reads and
write where the product writes? Each failure names the Halo permission the application lacks.

The write checks send an *empty* JSON array to the resource's save endpoint: nothing can be created or
changed by it. Halo checks the application's permission before it looks at the body (the sandbox does
the same), so a missing permission answers 403, while a permitted empty save answers 2xx or a
validation error, both meaning "allowed, nothing written". Halo's documents do not say which of the two
a real instance answers for an empty array (reference §2.5, §9), so either is taken as a pass."""

from integrations.base.errors import AuthFailed, BadRequest, Forbidden, TargetError
from integrations.base.platform import Check

from .client import LIST_KEYS, HaloClient

# (resource, what it is on the page, the permission area: read:<area> / edit:<area>)
READS = (
    ("AssetType", "asset types", "assets"),
    ("Status", "statuses", ""),
    ("Service", "services", "services"),
    ("Supplier", "suppliers", "suppliers"),
    ("ClientContract", "contracts", "contracts"),
)
WRITES = (
    ("Asset", "assets", "assets"),
    ("Service", "services", "services"),
    ("Supplier", "suppliers", "suppliers"),
    ("ClientContract", "contracts", "contracts"),
)


def said(error: TargetError) -> str:
    """Halo's own words, after ours."""
    detail = error.detail if error.detail and error.detail not in error.message else ""
    return " ".join(part for part in (str(error.status or ""), detail) if part)


def denied(area: str, verb: str, what: str, error: TargetError) -> str:
    permission = f"{verb}:{area}" if area else "all"
    return (
        f"The API application may not {'read' if verb == 'read' else 'change'} {what}: grant it the "
        f"“{permission}” permission (Configuration > Integrations > Halo API > the application > "
        f"Permissions), and check its agent's permissions too ({said(error)})"
    )


def authenticate(client: HaloClient) -> Check:
    try:
        client.authenticate()
    except AuthFailed as exc:
        return Check(
            "Get a token",
            False,
            "Halo refused the client ID or secret (or the tenant): check the API application's "
            f"credentials and that it uses “Client ID and Secret” ({said(exc)})",
        )
    except BadRequest as exc:
        return Check("Get a token", False, f"Halo refused the token request: {exc}")
    except TargetError as exc:
        return Check("Get a token", False, str(exc))
    return Check("Get a token", True, f"Signed in to {client.root} (client credentials, scope all)")


def read_check(client: HaloClient, resource: str, what: str, area: str) -> Check:
    name = f"Read {what}"
    try:
        paged = resource in LIST_KEYS  # AssetType and Status answer a bare array and take no paging
        params = {"pageinate": "true", "page_size": 1, "page_no": 1} if paged else None
        rows = client.json("GET", f"/api/{resource}", params=params)
    except Forbidden as exc:
        return Check(name, False, denied(area, "read", what, exc))
    except TargetError as exc:
        return Check(name, False, str(exc))
    if isinstance(rows, list):
        count = len(rows)
    elif isinstance(rows, dict):
        count = int(rows.get("record_count") or 0)
    else:
        return Check(name, False, f"/api/{resource} answered neither a list nor a list envelope")
    return Check(name, True, f"{count} record{'s' if count != 1 else ''}")


def write_check(client: HaloClient, resource: str, what: str, area: str) -> Check:
    name = f"Change {what}"
    try:
        client.request("POST", f"/api/{resource}", payload=[])
    except Forbidden as exc:
        return Check(name, False, denied(area, "edit", what, exc))
    except BadRequest:
        pass  # refused the empty batch itself: the permission was granted
    except TargetError as exc:
        return Check(name, False, str(exc))
    return Check(name, True, "Allowed (checked with an empty save: nothing was written)")


def run_checks(client: HaloClient) -> list[Check]:
    """The token first (nothing else can work without it), then every read and write."""
    first = authenticate(client)
    if not first.ok:
        return [first]
    checks = [first]
    checks += [read_check(client, *read) for read in READS]
    checks += [write_check(client, *write) for write in WRITES]
    return checks
