"""Lists filtered by the pages' own django-filter FilterSets, their parameters described as the pages' labels say."""

from django_filters.rest_framework import DjangoFilterBackend


class PageFilterBackend(DjangoFilterBackend):
    """The page's FilterSet, whose bad values are a 400 field by field; each parameter is documented as a string
    with the page's label, since several are chosen by code or id through methods the schema cannot read."""

    def get_schema_operation_parameters(self, view):
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is None:
            return []
        return [
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": str(field.label or name),
                "schema": {"type": "string"},
            }
            for name, field in filterset_class.base_filters.items()
        ]
