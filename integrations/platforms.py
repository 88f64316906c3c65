"""The platforms this installation can publish to: adding one is a package plus one line here."""

from integrations.base.platform import register
from integrations.glpi.platform import GlpiPlatform
from integrations.haloitsm.platform import HaloPlatform
from integrations.servicenow.platform import ServiceNowPlatform

register(ServiceNowPlatform())
register(HaloPlatform())
register(GlpiPlatform())
