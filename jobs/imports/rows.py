"""Checking each row of an import file: every cell read, every rule applied, each problem named by row and column.

Rows are numbered as a spreadsheet shows them (the heading is row 1). A file is checked whole: every problem
is found, and rows whose reference is already in the portal are marked existing, to be left as they are.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from django.utils import timezone

from core.formatting import date_range
from partners.models import Organisation
from programmes import rules
from programmes.models import MonitoringReturn, Project, YouthInvolvement
from programmes.periods import Quarter
from programmes.permissions import REPORTING_PROJECT_STATUSES

from ..models import ImportKind
from .cells import cell_text, parse_amount, parse_count, parse_date, parse_list
from .columns import PROJECT_COLUMNS, RETURN_COLUMNS, ImportColumn
from .files import map_headings
from .lookup import Directory

MAX_AGE = 120
PREVIEW_ROWS = 25
PROGRESS_EVERY = 250


# The partnership's rules come from programmes/rules.py, their one home, so an imported row is told what the
# project and return forms would say. Only the rule that a draft or cancelled project makes no returns is the
# importer's own (on the pages, the return form is not offered then). Rules on single cells are in cells.py.


def project_not_reporting(project: Project) -> str | None:
    """Why the project makes no returns yet (a draft) or any more (cancelled); None if it reports."""
    if project.status in REPORTING_PROJECT_STATUSES:
        return None
    return f"{project} is {project.get_status_display().lower()}: returns are made once a project is submitted."


# What a check finds ----------------------------------------------------------------------------------


@dataclass
class CheckedRow:
    """A row that passed every rule: its spreadsheet row number and values ready to write."""

    number: int
    values: dict
    existing: bool = False


@dataclass
class CheckedFile:
    """The outcome of checking a whole file: rows, every problem, and what importing would do."""

    rows: list[CheckedRow] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    row_count: int = 0

    @property
    def new_rows(self) -> list[CheckedRow]:
        return [row for row in self.rows if not row.existing]

    @property
    def existing_count(self) -> int:
        return sum(row.existing for row in self.rows)

    def problem(self, number: int | None, column: str, message: str) -> None:
        self.problems.append({"row": number, "column": column, "message": message})


class _RowChecker:
    """Reads one row's cells by column key, turning each bad cell into a problem named by row and column."""

    def __init__(self, checked: CheckedFile, number: int, cells: list, positions: dict, columns: dict):
        self.checked = checked
        self.number = number
        self.cells = cells
        self.positions = positions
        self.columns = columns
        self.ok = True

    def raw(self, key: str):
        position = self.positions.get(key)
        return self.cells[position] if position is not None and position < len(self.cells) else None

    def fail(self, key: str, message: str | None) -> None:
        """Record the problem with this column, if there is one (a rule answers None when it holds)."""
        if message is None:
            return
        self.ok = False
        self.checked.problem(self.number, self.columns[key].heading, message)

    def value(self, key: str, parse: Callable = cell_text, *, default=None):
        """The parsed cell, or `default` when blank; a required blank or a parse error is a problem."""
        cell = self.raw(key)
        if not cell_text(cell):
            if self.columns[key].required:
                self.fail(key, f"Enter the {self.columns[key].heading.lower()}.")
            return default
        try:
            return parse(cell)
        except ValueError as error:
            self.fail(key, str(error))
            return default

    def text(self, key: str, max_length: int) -> str:
        text = self.value(key, default="")
        if len(text) > max_length:
            self.fail(key, f"Use at most {max_length} characters (this has {len(text)}).")
        return text

    def each(self, key: str, find: Callable) -> list:
        """Each semicolon-separated item found by `find`; an unknown item, or none when required, is a problem."""
        items = parse_list(self.raw(key))
        if not items and self.columns[key].required:
            self.fail(key, f"Enter at least one of the {self.columns[key].heading.lower()}.")
        found = []
        for item in items:
            try:
                found.append(find(item))
            except ValueError as error:
                self.fail(key, str(error))
        return found

    def lead(self, directory: Directory, default: Organisation | None, lead_problem: Callable) -> Organisation | None:
        text = cell_text(self.raw("lead_organisation"))
        if not text and default is None:
            self.fail("lead_organisation", "Enter the lead organisation.")
            return None
        try:
            organisation = directory.organisation(text) if text else default
        except ValueError as error:
            self.fail("lead_organisation", str(error))
            return None
        self.fail("lead_organisation", lead_problem(organisation))
        return organisation


def _check_rows(
    table: list,
    positions: dict,
    columns: tuple[ImportColumn, ...],
    check_row: Callable[[_RowChecker], tuple[dict, bool]],
    on_progress: Callable[[int, int], None],
) -> CheckedFile:
    """Each row through `check_row` (its values, and whether it is in the portal already); rows with no problem kept."""
    by_key = {column.key: column for column in columns}
    checked = CheckedFile()
    for number, cells in table:
        checked.row_count += 1
        row = _RowChecker(checked, number, cells, positions, by_key)
        values, existing = check_row(row)
        if row.ok:
            checked.rows.append(CheckedRow(row.number, values, existing=existing))
        if checked.row_count % PROGRESS_EVERY == 0:
            on_progress(checked.row_count, len(table))
    return checked


# Projects --------------------------------------------------------------------------------------------


class _ProjectRows:
    """Checks project rows one at a time, remembering each lead's references to catch one used twice in the file."""

    def __init__(self, directory: Directory, default_organisation: Organisation | None, lead_problem: Callable):
        self.directory = directory
        self.default_organisation = default_organisation
        self.lead_problem = lead_problem
        self.seen: dict[tuple[int | None, str], int] = {}

    def __call__(self, row: _RowChecker) -> tuple[dict, bool]:
        reference = row.text("reference", 100)
        lead = row.lead(self.directory, self.default_organisation, self.lead_problem)
        values = {"external_reference": reference, "lead_organisation": lead, "title": row.text("title", 200)}
        values |= self._where(row)
        values |= self._ages(row)
        values |= self._dates(row)
        values |= self._who_and_what(row, lead)
        key = (lead.pk if lead else None, reference)
        if reference and (earlier := self.seen.setdefault(key, row.number)) != row.number:
            row.fail("reference", f"Row {earlier} has the same reference for {lead}.")
        return values, False

    def _where(self, row: _RowChecker) -> dict:
        boroughs = row.each("boroughs", self.directory.borough)
        borough_ids = {b.pk for b in boroughs}
        places = row.each("places", partial(self.directory.place, borough_ids=borough_ids))
        outside = rules.places_outside({place: {place.borough_id, *place.touches} for place in places}, borough_ids)
        row.fail("places", rules.places_outside_message(outside))
        return {"boroughs": boroughs, "places": places}

    @staticmethod
    def _ages(row: _RowChecker) -> dict:
        age_min = row.value("age_min", partial(parse_count, maximum=MAX_AGE))
        age_max = row.value("age_max", partial(parse_count, maximum=MAX_AGE))
        if age_min is not None and age_max is not None:
            row.fail("age_max", rules.ages_out_of_order(age_min, age_max))
        return {"age_min": age_min, "age_max": age_max}

    @staticmethod
    def _dates(row: _RowChecker) -> dict:
        start = row.value("start_date", parse_date)
        end = row.value("end_date", parse_date)
        if start and end:
            row.fail("end_date", rules.end_before_start(start, end))
        return {"start_date": start, "end_date": end}

    def _who_and_what(self, row: _RowChecker, lead: Organisation | None) -> dict:
        directory = self.directory
        consortium = row.each("consortium", directory.organisation)
        row.fail("consortium", rules.lead_in_consortium(lead, consortium))
        return {
            "description": row.value("description", default=""),
            "intervention_types": row.each("intervention_types", directory.intervention_type),
            "consortium": list(dict.fromkeys(consortium)),
            "funding_programme": row.value("funding_programme", directory.programme),
            "funder": row.value("funder", directory.organisation),
            "funding_amount": row.value("funding_amount", parse_amount),
            "target_reach": row.value("target_reach", parse_count),
            "youth_involvement": row.value(
                "youth_involvement", directory.youth_involvement, default=YouthInvolvement.CONSULTED
            ),
        }


def check_projects(
    headings: list,
    table: list,
    *,
    default_organisation: Organisation | None,
    lead_problem: Callable[[Organisation], str | None],
    on_progress: Callable[[int, int], None] = lambda done, total: None,
) -> CheckedFile:
    """Check every project row; rows whose lead already has a project with that reference are marked existing."""
    positions = map_headings(headings, PROJECT_COLUMNS)
    check_row = _ProjectRows(Directory(), default_organisation, lead_problem)
    checked = _check_rows(table, positions, PROJECT_COLUMNS, check_row, on_progress)
    existing = set(
        Project.objects.filter(
            external_reference__in={row.values["external_reference"] for row in checked.rows}
        ).values_list("lead_organisation_id", "external_reference")
    )
    for row in checked.rows:
        row.existing = (row.values["lead_organisation"].pk, row.values["external_reference"]) in existing
    return checked


# Returns ---------------------------------------------------------------------------------------------


class _ReturnRows:
    """Checks return rows one at a time against their projects and the returns those already have."""

    def __init__(
        self,
        directory: Directory,
        default_organisation: Organisation | None,
        lead_problem: Callable,
        *,
        references: set[str],
        today: date,
    ):
        self.directory = directory
        self.default_organisation = default_organisation
        self.lead_problem = lead_problem
        self.today = today
        self.projects = {
            (p.lead_organisation_id, p.external_reference): p
            for p in Project.objects.filter(external_reference__in=references - {""}).only(
                "pk", "title", "status", "lead_organisation_id", "external_reference", "start_date", "end_date"
            )
        }
        self.taken = {
            (project_id, period_start): reference
            for project_id, period_start, reference in MonitoringReturn.objects.filter(
                project__in=[p.pk for p in self.projects.values()]
            ).values_list("project_id", "period_start", "external_reference")
        }
        self.references_used = {
            (project_id, reference): start for (project_id, start), reference in self.taken.items() if reference
        }
        self.seen: dict[tuple[int, date], int] = {}

    def __call__(self, row: _RowChecker) -> tuple[dict, bool]:
        reference = row.text("reference", 100)
        lead = row.lead(self.directory, self.default_organisation, self.lead_problem)
        project = self._project(row, lead)
        values = {
            "external_reference": reference,
            "project": project,
            "period_start": row.value("period_start", parse_date),
            "period_end": row.value("period_end", parse_date),
            "young_people_reached": row.value("young_people_reached", parse_count, default=0),
            "sessions_delivered": row.value("sessions_delivered", parse_count, default=0),
            "families_reached": row.value("families_reached", parse_count, default=0),
            "narrative": row.value("narrative", default=""),
        }
        existing = False
        if project is not None and values["period_start"] and values["period_end"]:
            existing = self._quarter(row, project, reference, values["period_start"], values["period_end"])
        return values, existing

    def _project(self, row: _RowChecker, lead: Organisation | None) -> Project | None:
        """The lead's project with the row's project reference, if there is one and it makes returns."""
        project_reference = row.text("project_reference", 100)
        project = self.projects.get((lead.pk, project_reference)) if lead is not None else None
        if lead is not None and project_reference and project is None:
            row.fail("project_reference", f"{lead} has no project with the reference “{project_reference}”.")
        elif project is not None and (message := project_not_reporting(project)):
            row.fail("project_reference", message)
            return None
        return project

    def _quarter(self, row: _RowChecker, project: Project, reference: str, start: date, end: date) -> bool:
        """Whether the row's return is already in the portal; a period that is wrong, or taken, is a problem."""
        if message := rules.return_period_problem(start, end, project.start_date, project.end_date, today=self.today):
            row.fail("period_start", message)
        elif (held := self.taken.get((project.pk, start))) is not None:
            if held == reference:
                return True
            row.fail("period_start", rules.quarter_taken_message(Quarter.containing(start)))
        elif (other := self.references_used.get((project.pk, reference))) is not None:
            row.fail("reference", f"This reference is already used for the return for {Quarter.containing(other)}.")
        elif (earlier := self.seen.setdefault((project.pk, start), row.number)) != row.number:
            row.fail("period_start", f"Row {earlier} is a return for the same project and quarter.")
        return False


def check_returns(
    headings: list,
    table: list,
    *,
    default_organisation: Organisation | None,
    lead_problem: Callable[[Organisation], str | None],
    on_progress: Callable[[int, int], None] = lambda done, total: None,
    today: date | None = None,
) -> CheckedFile:
    """Check every return row against its project; rows whose reference the project already has are existing."""
    positions = map_headings(headings, RETURN_COLUMNS)
    column = positions["project_reference"]
    check_row = _ReturnRows(
        Directory(),
        default_organisation,
        lead_problem,
        references={cell_text(cells[column]) for _, cells in table if column < len(cells)},
        today=today or timezone.localdate(),
    )
    return _check_rows(table, positions, RETURN_COLUMNS, check_row, on_progress)


CHECKERS = {ImportKind.PROJECTS: check_projects, ImportKind.RETURNS: check_returns}


def preview(checked: CheckedFile, kind: str) -> list[dict]:
    """The first rows as the preview shows them: row, reference, what it is, and whether it is new."""

    def summary(values: dict) -> str:
        if kind == ImportKind.PROJECTS:
            dates = date_range(values["start_date"], values["end_date"])
            return f"{values['title']} ({values['lead_organisation']}, {dates})"
        return f"{values['project']}: {Quarter.containing(values['period_start'])}"

    return [
        {
            "row": row.number,
            "reference": row.values["external_reference"],
            "summary": summary(row.values),
            "new": not row.existing,
        }
        for row in checked.rows[:PREVIEW_ROWS]
    ]
