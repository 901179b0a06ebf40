"""One shape for a method, used by the command line and the API."""

from rest_framework import serializers

from steunwerk.methods.models import Method

PUBLIC_FIELDS = [
    "slug",
    "name",
    "kind",
    "aliases",
    "target_groups",
    "target_groups_primary",
    "target_groups_certain",
    "problem_level",
    "problem_level_certain",
    "problem_level_note",
    "aim",
    "aim_certain",
    "aim_note",
    "domains",
    "domains_inferred",
    "goal",
    "target_group_text",
    "approach",
    "steps",
    "wns_bakens",
    "working_elements",
    "working_elements_note",
    "evidence_level",
    "evidence",
    "in_esi_databank",
    "developer",
    "websites",
    "materials",
    "source_pages",
]


class MethodSerializer(serializers.ModelSerializer):
    related = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    local = serializers.SerializerMethodField()

    class Meta:
        model = Method
        fields = [*PUBLIC_FIELDS, "related", "local"]

    def get_local(self, method) -> bool:
        return method.organisation_id is not None

    def to_representation(self, method):
        data = super().to_representation(method)
        data["problem_level"] = data["problem_level"] or None  # stored blank when the source gives no level
        data["aim"] = data["aim"] or None
        return data


def method_dict(method):
    return dict(MethodSerializer(method).data)
