"""How each resource reads in the API (outputs), and what its writes take (documented inputs).

Writes are validated by the pages' own Django forms and services (`api/forms_data.py`), so the input
serializers here only describe the JSON bodies in the schema; they validate nothing themselves.
"""

from rest_framework import serializers

from boroughs.models import Borough, Place
from partners.models import Organisation
from programmes.forms.projects import PROJECT_DETAILS
from programmes.models import (
    ConsortiumRole,
    FundedPost,
    InterventionType,
    MonitoringReturn,
    Project,
    YouthInvolvement,
    YouthVoiceSession,
)

from .models import ApiToken


class OrganisationSerializer(serializers.ModelSerializer):
    """An organisation as registered, and whom it merged into or was renamed as (its successor), if anyone."""

    org_id = serializers.CharField(read_only=True)
    predecessors = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "kind",
            "is_hayn_member",
            "org_id",
            "charity_number",
            "company_number",
            "social_housing_regulator_code",
            "website",
            "successor",
            "succession_kind",
            "succession_date",
            "predecessors",
        ]


class BoroughSerializer(serializers.ModelSerializer):
    class Meta:
        model = Borough
        fields = ["id", "name", "gss_code", "is_partnership_borough"]


class PlaceSerializer(serializers.ModelSerializer):
    borough = serializers.SlugRelatedField(slug_field="gss_code", read_only=True)
    also_in_boroughs = serializers.SlugRelatedField(slug_field="gss_code", many=True, read_only=True)

    class Meta:
        model = Place
        fields = ["id", "name", "kind", "borough", "also_in_boroughs", "ward_gss_code", "priority", "description"]


class InterventionTypeSerializer(serializers.ModelSerializer):
    """A kind of work. The portal records no evidence rating for kinds of work, so none is given."""

    class Meta:
        model = InterventionType
        fields = ["id", "name", "slug", "description"]


class ConsortiumMemberSerializer(serializers.Serializer):
    organisation = serializers.IntegerField(source="organisation_id")
    role = serializers.ChoiceField(choices=ConsortiumRole.choices)


class ProjectSerializer(serializers.ModelSerializer):
    """A project as its page shows it; `version` is also its ETag."""

    consortium = ConsortiumMemberSerializer(source="consortium_members", many=True, read_only=True)
    boroughs = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    places = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    intervention_types = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    page = serializers.SerializerMethodField(help_text="The project's page in the portal.")

    class Meta:
        model = Project
        fields = [
            "id",
            "status",
            "consortium",
            *PROJECT_DETAILS,
            "review_comment",
            "submitted_at",
            "reviewed_at",
            "version",
            "page",
        ]
        read_only_fields = fields

    def get_page(self, project) -> str:
        return project.get_absolute_url()


class MonitoringReturnSerializer(serializers.ModelSerializer):
    """A quarter's monitoring return; `version` is also its ETag."""

    quarter = serializers.SerializerMethodField()

    class Meta:
        model = MonitoringReturn
        fields = [
            "id",
            "project",
            "quarter",
            "period_start",
            "period_end",
            "young_people_reached",
            "sessions_delivered",
            "families_reached",
            "narrative",
            "status",
            "review_comment",
            "submitted_at",
            "reviewed_at",
            "version",
        ]
        read_only_fields = fields

    def get_quarter(self, monitoring_return) -> str:
        return str(monitoring_return.quarter)


class FundedPostSerializer(serializers.ModelSerializer):
    class Meta:
        model = FundedPost
        fields = [
            "id",
            "title",
            "host_organisation",
            "funder",
            "funding_programme",
            "description",
            "fte",
            "annual_cost",
            "start_date",
            "end_date",
            "is_filled",
            "holder_name",
        ]


class YouthVoiceSessionSerializer(serializers.ModelSerializer):
    borough = serializers.SlugRelatedField(slug_field="gss_code", read_only=True)
    places = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    organisations = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    projects = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text="The linked projects this caller may see."
    )

    class Meta:
        model = YouthVoiceSession
        fields = [
            "id",
            "title",
            "date",
            "borough",
            "places",
            "organisations",
            "projects",
            "young_people",
            "you_said",
            "we_did",
            "follow_up_status",
            "follow_up_date",
            "recorded_by_organisation",
        ]


class ApiTokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "expires_on", "created_at", "last_used_at", "revoked_at"]


# Documented inputs ------------------------------------------------------------------------------------------


class ProjectInputSerializer(serializers.Serializer):
    """A project's fields as the project form takes them; on PATCH, any left out keep their current values."""

    title = serializers.CharField()
    description = serializers.CharField(required=False, allow_blank=True)
    lead_organisation = serializers.IntegerField(help_text="On create only; yours must lead or be a member.")
    consortium = ConsortiumMemberSerializer(many=True, required=False)
    boroughs = serializers.ListField(child=serializers.IntegerField(), help_text="Borough ids; at least one.")
    places = serializers.ListField(child=serializers.IntegerField(), required=False)
    intervention_types = serializers.ListField(child=serializers.IntegerField(), help_text="At least one.")
    age_min = serializers.IntegerField()
    age_max = serializers.IntegerField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    funding_programme = serializers.IntegerField(required=False, allow_null=True)
    funder = serializers.IntegerField(required=False, allow_null=True)
    funding_amount = serializers.DecimalField(max_digits=12, decimal_places=2, required=False, allow_null=True)
    target_reach = serializers.IntegerField(required=False, allow_null=True)
    target_reach_note = serializers.CharField(required=False, allow_blank=True)
    youth_involvement = serializers.ChoiceField(choices=YouthInvolvement.choices)
    youth_involvement_detail = serializers.CharField(required=False, allow_blank=True)


class ReturnInputSerializer(serializers.Serializer):
    """A quarter's figures as the return form takes them; `quarter` (its first day) on create only."""

    quarter = serializers.DateField(required=False, help_text="The quarter's first day, such as 2026-04-01.")
    young_people_reached = serializers.IntegerField()
    sessions_delivered = serializers.IntegerField()
    families_reached = serializers.IntegerField()
    narrative = serializers.CharField(required=False, allow_blank=True)


class ReviewInputSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, help_text="Needed to send work back.")
