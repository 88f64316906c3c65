"""How the OpenAPI schema describes the pipeline token (loaded by the app's `ready`)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class PipelineTokenScheme(OpenApiAuthenticationExtension):
    target_class = "pipelines.api.auth.PipelineTokenAuthentication"
    name = "pipelineToken"

    def get_security_definition(self, auto_schema) -> dict:
        return {"type": "http", "scheme": "bearer", "bearerFormat": "pbt_…"}
