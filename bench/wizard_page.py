"""Server time of the matching wizard page with 500 portfolio rows against 10,000 target records.

.venv/bin/python bench/wizard_page.py
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(rows: int = 500, targets: int = 10_000, repeats: int = 5) -> None:
    sys.path.insert(0, str(ROOT))
    database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from catalog.choices import Role
    from catalog.models import Membership, Namespace, SoftwareProduct
    from integrations.models import Connection
    from sync.models import TargetRecord

    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    rng = random.Random(7)
    namespace = Namespace.objects.create(name="Bench", slug="bench")
    user = get_user_model().objects.create_user("bench", password="bench-password-1")
    Membership.objects.create(user=user, namespace=namespace, role=Role.ADMIN)
    vendors = [
        "Oracle",
        "Microsoft",
        "IBM",
        "SAP",
        "Red Hat",
        "Apache",
        "VMware",
        "Adobe",
        "Citrix",
        "Elastic",
    ]
    kinds = [
        "Database",
        "Server",
        "Gateway",
        "Runtime",
        "Platform",
        "Suite",
        "Manager",
        "Engine",
        "Studio",
        "Cloud",
    ]
    SoftwareProduct.objects.bulk_create(
        SoftwareProduct(
            namespace=namespace,
            name=f"{rng.choice(vendors)} {rng.choice(kinds)} {i}",
            version=str(rng.randint(1, 20)),
        )
        for i in range(rows)
    )
    connection = Connection.objects.create(
        namespace=namespace,
        name="bench",
        instance_url="https://bench.example",
        auth_method="basic",
        username="u",
        password="p",
    )
    now = timezone.now()
    TargetRecord.objects.bulk_create(
        TargetRecord(
            connection=connection,
            kind="software_product",
            target_type="cmdb_software_product_model",
            target_id=f"{i:032x}",
            name=f"{rng.choice(vendors)} {rng.choice(kinds)} {rng.randint(0, rows)}",
            version=str(rng.randint(1, 20)),
            first_seen_at=now,
            pulled_at=now,
        )
        for i in range(targets)
    )
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    url = reverse("sync:match_step", args=["bench", connection.pk, "software-products"])
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200
    print(f"wizard page: {rows} rows against {targets:,} target records")
    median, best = statistics.median(timings) * 1000, min(timings) * 1000
    print(f"  server time median {median:.0f} ms, best {best:.0f} ms (target < 300 ms)")


if __name__ == "__main__":
    measure()
