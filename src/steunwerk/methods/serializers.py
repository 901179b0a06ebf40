"""One shape for a method, used by the command line and the API."""

from rest_framework import serializers

from steunwerk.methods.catalogue import FIELDS
from steunwerk.methods.models import Method

# A method's slug and the fields of the shipped catalogue (methods/catalogue.py), in the same order.
PUBLIC_FIELDS = ["slug", *FIELDS]


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
