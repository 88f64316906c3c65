"""Planning and previewing speed.

- planning + hashing the demo portfolio (300 applications): target < 0.3 s;
- a 10,000-application portfolio: target < 3 s and < 300 MB;
- a preview of the demo portfolio against the sandbox, before its first publish;
- the preview right after that publish (every record read back from the target): target at most 20 API
  calls.

    .venv/bin/python bench/preview.py
"""

import time
import tracemalloc
import uuid

from common import Sandbox, load_demo, setup_django


def big_portfolio(namespace, apps: int) -> None:
    """10,000 applications × 2 deployments × 6 services × 3 products, bulk-created."""
    from catalog.models import BusinessApplication, DeploymentProfile, ITService, SoftwareProduct

    services = ITService.objects.bulk_create(
        ITService(namespace=namespace, name=f"Service {i}", scope="shared") for i in range(6)
    )
    products = SoftwareProduct.objects.bulk_create(
        SoftwareProduct(namespace=namespace, name=f"Product {i}", version="1") for i in range(30)
    )
    applications = BusinessApplication.objects.bulk_create(
        BusinessApplication(
            namespace=namespace, app_id=f"APP-{i:05d}", name=f"Application {i}", short_description="Bench"
        )
        for i in range(apps)
    )
    deployments = DeploymentProfile.objects.bulk_create(
        DeploymentProfile(
            id=uuid.uuid4(),
            namespace=namespace,
            application=app,
            name=f"{app.name} — {env}",
            environment="Production",
        )
        for app in applications
        for env in ("Prod", "Test")
    )
    through_s = DeploymentProfile.it_services.through
    through_p = DeploymentProfile.software_products.through
    through_s.objects.bulk_create(
        (through_s(deploymentprofile_id=d.pk, itservice_id=s.pk) for d in deployments for s in services),
        batch_size=5000,
    )
    through_p.objects.bulk_create(
        (
            through_p(deploymentprofile_id=d.pk, softwareproduct_id=products[(i + k) % 30].pk)
            for i, d in enumerate(deployments)
            for k in range(3)
        ),
        batch_size=5000,
    )


def measure_plan(connection, label: str) -> None:
    from sync.plan import build_plan

    started = time.perf_counter()
    plan = build_plan(connection)
    digest = plan.hash
    elapsed = time.perf_counter() - started
    del plan
    tracemalloc.start()  # a second pass measures memory (tracing slows Python down several times)
    plan = build_plan(connection)
    _ = plan.hash
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"plan {label}: {len(plan.items):,} records, {len(plan.relations):,} relationships")
    print(f"  {elapsed:.2f} s (plan + hashes, {digest[:8]}), peak {peak / 1e6:.0f} MB traced")


def measure_preview(sandbox, connection, label: str):
    from sync.preview import run_preview

    sandbox.reset_stats()
    started = time.perf_counter()
    run = run_preview(connection)
    elapsed = time.perf_counter() - started
    stats = sandbox.stats()
    print(f"preview {label}: {run.stats.get('calls', 0)} API calls (the sandbox saw {stats['by_api']})")
    print(f"  {stats['committing_calls']} committing calls; {elapsed:.1f} s wall; {dict(run.counts)}")
    return run


def main() -> None:
    setup_django()
    from catalog.models import Namespace
    from integrations.models import Connection
    from sync import decisions, runs
    from sync.publish import execute_publish

    sandbox = Sandbox()
    demo = sandbox.connect(load_demo())
    measure_plan(demo, "demo portfolio (300 applications)")
    preview = measure_preview(sandbox, demo, "of the demo portfolio, before its first publish")
    decisions.decide_all(preview, "adopt")
    execute_publish(runs.start_publish(demo))
    measure_preview(sandbox, demo, "right after the publish (target at most 20 calls)")
    sandbox.stop()
    big = Namespace.objects.create(name="Big", slug="big")
    big_portfolio(big, 10_000)
    connection = Connection.objects.create(
        namespace=big,
        name="big",
        instance_url="https://big.example",
        auth_method="basic",
        username="u",
        password="p",
    )  # noqa: S106
    measure_plan(connection, "10,000 applications")


if __name__ == "__main__":
    main()
