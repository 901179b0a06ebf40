from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ParseError
from rest_framework.response import Response
from rest_framework.views import APIView

from steunwerk.access.actor import Actor
from steunwerk.methods import filters
from steunwerk.methods.access import methods_and_corpus_for, methods_for
from steunwerk.methods.forms import SearchForm
from steunwerk.methods.recommend import Profile, ProfileError, recommend
from steunwerk.methods.serializers import MethodSerializer

FILTER_PARAMS = [
    OpenApiParameter(name, OpenApiTypes.STR, description=description)
    for name, description in [
        ("q", "Zoektekst (Nederlands, met stamvormen)"),
        ("target_group", "ouderdom, lichamelijk, psychisch, verstandelijk, algemeen"),
        ("problem_level", "licht, complex, beide"),
        ("aim", "zelfredzaamheid, participatie, beide"),
        ("domain", "levensgebied"),
        ("working_element", "werkzaam element"),
        ("baken", "baken Welzijn Nieuwe Stijl"),
        ("evidence_level", "onderbouwing"),
        ("kind", "method, organisation_approach, local"),
        ("esi", "ja, onbekend"),
    ]
]


class RecommendationSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())


class RecommendResponseSerializer(serializers.Serializer):
    results = RecommendationSerializer(many=True)
    notes = serializers.ListField(child=serializers.CharField())


class ProfileSerializer(serializers.Serializer):
    target_groups = serializers.ListField(child=serializers.CharField(), required=False)
    problem_level = serializers.CharField(allow_null=True, required=False)
    aim = serializers.CharField(allow_null=True, required=False)
    domains = serializers.ListField(child=serializers.CharField(), required=False)
    text = serializers.CharField(required=False, allow_blank=True)


def _actor(request):
    return Actor.for_user(request.user)


class MethodList(APIView):
    @extend_schema(
        parameters=FILTER_PARAMS, responses=MethodSerializer(many=True), summary="Methodewijzer: zoeken en filteren"
    )
    def get(self, request):
        form = SearchForm(request.query_params)
        if not form.is_valid():
            return Response({"errors": form.errors}, status=status.HTTP_400_BAD_REQUEST)
        found = filters.search(methods_for(_actor(request)), form.cleaned_data)
        return Response(MethodSerializer(found, many=True).data)


class MethodDetail(APIView):
    @extend_schema(responses=MethodSerializer, summary="Eén methode")
    def get(self, request, slug):
        for method in methods_for(_actor(request)):
            if method.slug == slug:
                return Response(MethodSerializer(method).data)
        raise Http404


class Recommend(APIView):
    @extend_schema(
        request=ProfileSerializer, responses=RecommendResponseSerializer, summary="Methoden voorstellen bij een profiel"
    )
    def post(self, request):
        try:
            profile = Profile.from_dict(request.data)
        except ParseError:  # malformed JSON: the same Dutch "error" as a bad profile, not DRF's English "detail"
            return Response(
                {
                    "error": "Geen geldige JSON. Verwacht een object met de velden "
                    "target_groups, problem_level, aim, domains en text."
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        except ProfileError as exc:
            return Response({"error": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        limit = request.query_params.get("limit")
        limit = int(limit) if limit and limit.isascii() and limit.isdigit() else None
        results, notes = recommend(profile, *methods_and_corpus_for(_actor(request)), limit=limit)
        return Response({"results": [r.as_dict() for r in results], "notes": notes})
