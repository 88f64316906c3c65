"""`POST /api/alerts`: a monitoring alert, sent with a pipeline token of scope `alerts` (the token's
namespace is the alert's). A thin view over `tickets.alerts`."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from integrations.base.errors import TargetError
from pipelines.api.auth import IsAlertsToken, PipelineTokenAuthentication, TokenRateThrottle
from pipelines.api.errors import validation_body
from tickets.alerts import AlertError, AlertInput, receive
from tickets.models import AlertState


class AlertSerializer(serializers.Serializer):
    key = serializers.CharField(max_length=200)
    state = serializers.ChoiceField(choices=AlertState.values)
    severity = serializers.CharField(max_length=40)
    item = serializers.CharField(max_length=200)
    message = serializers.CharField(max_length=20_000, required=False, allow_blank=True, default="")
    pair = serializers.SlugField(max_length=60, required=False, allow_blank=True, default="")


class AlertResultSerializer(serializers.Serializer):
    key = serializers.CharField()
    action = serializers.ChoiceField(choices=("opened", "followup", "solved", "ignored"))
    pair = serializers.CharField()
    side = serializers.CharField()
    ticket = serializers.CharField()
    problems = serializers.IntegerField()


class AlertView(APIView):
    authentication_classes = [PipelineTokenAuthentication]
    permission_classes = [IsAlertsToken]
    throttle_classes = [TokenRateThrottle]

    @extend_schema(
        request=AlertSerializer, responses={200: AlertResultSerializer, 201: AlertResultSerializer}
    )
    def post(self, request):
        given = AlertSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            outcome = receive(request.auth.namespace, AlertInput(**given.validated_data))
        except AlertError as exc:
            return Response(validation_body({k: [v] for k, v in exc.errors.items()}), status=400)
        except TargetError as exc:
            return Response({"detail": f"The ticket system refused the alert: {exc}"}, status=502)
        alert = outcome.alert
        body = {
            "key": alert.key,
            "action": outcome.action,
            "pair": alert.pair.name,
            "side": alert.side,
            "ticket": alert.ticket_id,
            "problems": alert.problem_count,
        }
        return Response(body, status=201 if outcome.action == "opened" else 200)
