"""What the API reads and answers, described for validation and for the OpenAPI schema."""

from datetime import UTC

from rest_framework import serializers

from integrations.base.changes import CHANGE_TYPES, CLOSE_CODES, ChangeInput

LINE = {"max_length": 200, "required": False, "allow_blank": True}
TEXT = {"max_length": 20_000, "required": False, "allow_blank": True}


class ChangeCreateSerializer(serializers.Serializer):
    connection = serializers.CharField(**LINE)
    application = serializers.CharField(max_length=30, required=False, allow_blank=True)
    environment = serializers.CharField(max_length=20, required=False, allow_blank=True)
    deployment = serializers.UUIDField(required=False, allow_null=True)
    type = serializers.ChoiceField(choices=CHANGE_TYPES, default="normal")
    template = serializers.CharField(**LINE)
    short_description = serializers.CharField(max_length=160)
    description = serializers.CharField(**TEXT)
    implementation_plan = serializers.CharField(**TEXT)
    backout_plan = serializers.CharField(**TEXT)
    test_plan = serializers.CharField(**TEXT)
    justification = serializers.CharField(**TEXT)
    risk = serializers.CharField(max_length=40, required=False, allow_blank=True)
    impact = serializers.CharField(max_length=40, required=False, allow_blank=True)
    priority = serializers.CharField(max_length=40, required=False, allow_blank=True)
    assignment_group = serializers.CharField(**LINE)
    start_date = serializers.DateTimeField(required=False, allow_null=True)
    end_date = serializers.DateTimeField(required=False, allow_null=True)
    parent = serializers.CharField(max_length=40, required=False, allow_blank=True)

    def validate(self, attrs: dict) -> dict:
        errors = {}
        if attrs.get("type") == "standard" and not attrs.get("template"):
            errors["template"] = ["A standard change needs its template's name."]
        if not attrs.get("deployment") and not (attrs.get("application") and attrs.get("environment")):
            for field in ("application", "environment"):
                if not attrs.get(field):
                    errors[field] = ["Give the application and environment, or the deployment."]
        start, end = attrs.get("start_date"), attrs.get("end_date")
        if start and end and end < start:
            errors["end_date"] = ["The end is before the start."]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def change_input(self) -> ChangeInput:
        data = self.validated_data
        dates = {
            name: data[name].astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S") if data.get(name) else ""
            for name in ("start_date", "end_date")
        }
        names = set(ChangeInput.__dataclass_fields__) - {"cmdb_ci", "start_date", "end_date"}
        return ChangeInput(**{name: data.get(name) or "" for name in names}, **dates)


class ChangeDocumentSerializer(serializers.Serializer):
    number = serializers.CharField()
    sys_id = serializers.CharField()
    type = serializers.CharField()
    state = serializers.CharField()
    state_label = serializers.CharField()
    approval = serializers.CharField()
    verdict = serializers.ChoiceField(choices=("wait", "proceed", "abort"))
    cmdb_ci = serializers.CharField()
    application = serializers.CharField()
    environment = serializers.CharField()
    connection = serializers.CharField()
    url = serializers.URLField()
    page = serializers.URLField()
    poll_interval = serializers.FloatField()
    poll_error = serializers.CharField(allow_null=True)


class NoteSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=20_000)


class CloseSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=CLOSE_CODES)
    notes = serializers.CharField(max_length=20_000)


class AttachmentUploadSerializer(serializers.Serializer):
    file = serializers.FileField()


class AttachmentSerializer(serializers.Serializer):
    sys_id = serializers.CharField()
    file_name = serializers.CharField()
    size_bytes = serializers.IntegerField()
    content_type = serializers.CharField()
    download_link = serializers.URLField()


class OkSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
