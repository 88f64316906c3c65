"""Every registered platform keeps the contract the sync core relies on (a new platform runs these too)."""

import argparse
from dataclasses import fields

import pytest

from catalog.demo import DemoShape, build_demo_document
from catalog.transfer.importer import import_document
from integrations.base.errors import Unsupported
from integrations.base.platform import Platform, Record, Step, platform_named, platforms
from sync.snapshot import take_snapshot

REGISTERED = sorted(platforms())


def test_the_registry_knows_servicenow_and_refuses_the_unknown():
    assert "servicenow" in REGISTERED
    with pytest.raises(LookupError, match="No platform “nope”"):
        platform_named("nope")


@pytest.mark.parametrize("name", REGISTERED)
def test_options_have_defaults_form_fields_and_readable_errors(name):
    platform = platform_named(name)
    assert isinstance(platform, Platform) and platform.name == name and platform.label
    defaults = platform.options({})
    names = {f.name for f in fields(defaults)}
    assert set(platform.option_fields()) <= names
    with pytest.raises(ValueError) as problem:
        platform.options({next(iter(platform.option_fields())): "x" * 5000, "page_size": "many"})
    assert str(problem.value)


@pytest.mark.parametrize("name", REGISTERED)
@pytest.mark.django_db
def test_the_mapping_covers_the_portfolio_in_step_order(name, namespace):
    import_document(namespace, build_demo_document(DemoShape(apps=6, services=3, seed=2)))
    platform = platform_named(name)
    options = platform.options({})
    steps = platform.steps(options)
    assert steps and all(isinstance(s, Step) for s in steps)
    keys = [s.key for s in steps]
    mapping = platform.map(take_snapshot(namespace), options)
    assert mapping.records and all(isinstance(r, Record) for r in mapping.records)
    assert {r.step for r in mapping.records} <= {s.key for s in steps if not s.relations}
    assert {r.step for r in mapping.relations} <= {s.key for s in steps if s.relations}
    ids = {r.record_id for r in mapping.records}
    assert all(r.parent in ids and r.child in ids for r in mapping.relations)
    assert all(all(isinstance(v, str) for v in r.values.values()) for r in mapping.records)
    # a record never comes before one it depends on
    order = {key: n for n, key in enumerate(keys)}
    by_id = {r.record_id: r for r in mapping.records}
    for record in mapping.records:
        if record.group:
            assert order[by_id[record.group].step] < order[record.step]


@pytest.mark.parametrize("name", REGISTERED)
def test_match_sources_and_the_sandbox_command(name):
    platform = platform_named(name)
    assert all(s.kind and s.slug and s.target_type for s in platform.match_sources())
    command = platform.sandbox()
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    assert callable(command.serve) and parser.parse_args([]).port


def test_servicenow_links_a_record_to_its_form_and_refuses_odd_ids():
    from types import SimpleNamespace

    platform = platform_named("servicenow")
    connection = SimpleNamespace(base_url="https://acme.service-now.com")
    url = platform.record_url(connection, "cmdb_ci_business_app", "a" * 32)
    assert url == f"https://acme.service-now.com/nav_to.do?uri=cmdb_ci_business_app.do?sys_id={'a' * 32}"
    assert platform.record_url(connection, "cmdb_ci_business_app", "") is None
    assert platform.record_url(connection, "x.do?evil=1&", "a" * 32) is None


@pytest.mark.parametrize("name", REGISTERED)
def test_subscribe_and_webhooks_are_offered_or_refused_in_words(name):
    platform = platform_named(name)
    if not platform.discovers:
        assert list(platform.discovered(None, platform.options({}))) == []
    if not platform.sends_webhooks:
        with pytest.raises(ValueError, match=platform.label):
            platform.webhook_event({})
        with pytest.raises(Unsupported, match=platform.label):
            platform.register_webhook(None, "https://example.org/hook", "u", "p", "n")
    else:
        with pytest.raises(ValueError):
            platform.webhook_event("not an object")
