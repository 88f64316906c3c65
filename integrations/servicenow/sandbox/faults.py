"""ServiceNow's fault kinds: the core's (500, 502, 503, 429, reset, lost, slow) plus `hibernate`, the
developer instance's HTML page answered with 200.

Spec: `[PATH_PREFIX@]KIND:RATE`, e.g. `503:0.1,429:0.05,reset:0.05,slow:0.02,hibernate:0.01` or
`/api/now/identifyreconcile@503:0.2`.
"""

from integrations.base.sandbox import faults as core
from integrations.base.sandbox.faults import Fault, FaultInjector

__all__ = ("HIBERNATION_PAGE", "KINDS", "Fault", "FaultInjector", "parse_faults")

KINDS = (*core.KINDS, "hibernate")


def parse_faults(spec: str) -> list[Fault]:
    return core.parse_faults(spec, KINDS)


HIBERNATION_PAGE = """<!DOCTYPE html>
<html><head><title>Instance Hibernating page</title></head>
<body><div class="instance-hibernating">
<h1>Your instance is hibernating</h1>
<p>Developer instances hibernate after a period of inactivity.
Sign in to the developer portal to wake it up.</p>
</div></body></html>
"""
