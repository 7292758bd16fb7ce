"""The report's quarter: any from the partnership's start to today's, the last ended one by default."""

from datetime import date

from reports.forms import QuarterForm, latest_ended_quarter


def test_the_quarters_run_from_the_partnerships_start_to_todays_latest_first_and_the_last_ended_is_chosen():
    form = QuarterForm(today=date(2026, 11, 30))
    choices = form.fields["quarter"].choices
    assert choices[0] == ("2026-10-01", "2026–27 Q3")
    assert choices[-1] == ("2021-07-01", "2021–22 Q2")  # September 2021 is in July to September
    assert form.is_valid()
    assert form.chosen() == latest_ended_quarter(date(2026, 11, 30))
    assert str(form.chosen()) == "2026–27 Q2"


def test_a_quarter_not_offered_or_not_a_date_is_refused_at_the_field():
    for value in ("2027-01-01", "2026-11-01", "yesterday", "9" * 40, "2026-02-30"):
        form = QuarterForm({"quarter": value}, today=date(2026, 11, 30))
        assert not form.is_valid()
        assert form.errors["quarter"] == ["Choose a quarter from the list."]
    other = QuarterForm({"page": "2"}, today=date(2026, 11, 30))
    assert not other.is_valid() and other.errors["quarter"] == ["Choose a quarter."]
