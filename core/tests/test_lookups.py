"""An id too large for the database matches nothing and is an invalid choice, never an OverflowError."""

import pytest
from django import forms
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db

TOO_LARGE = 10**30


def test_an_out_of_range_id_in_a_list_matches_nothing_and_the_rest_still_match():
    group = Group.objects.create(name="Youth leads")
    assert list(Group.objects.filter(pk__in=[TOO_LARGE, group.pk, -TOO_LARGE])) == [group]
    assert list(Group.objects.filter(pk__in=[TOO_LARGE])) == []


def test_a_multiple_choice_of_an_out_of_range_id_is_a_field_error():
    field = forms.ModelMultipleChoiceField(queryset=Group.objects.all())
    with pytest.raises(forms.ValidationError) as error:
        field.clean([str(TOO_LARGE)])
    assert error.value.code == "invalid_choice"
