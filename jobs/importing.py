"""Import files of projects and monitoring returns: reading CSV or Excel, and checking every row.

The rules are those of the project and return forms and services (programmes.forms, programmes.services):
end not before start, youngest age not above oldest, counts not negative, at least one borough and one
kind of work, places inside the chosen boroughs, the lead not also a consortium member; a return covers
exactly one quarter that has started and that the project runs in, the project reports (it is neither a
draft nor cancelled), and there is one return per quarter. They are written here as pure functions with
messages for the user, and every problem names its row (numbered as a spreadsheet shows it: the heading
is row 1) and its column.
"""

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import IO
from zipfile import BadZipFile

from django.utils import timezone
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from boroughs.models import Borough, Place
from core.formatting import date_range
from partners.models import Organisation
from programmes.models import FundingProgramme, InterventionType, MonitoringReturn, Project, YouthInvolvement
from programmes.periods import Quarter
from programmes.permissions import REPORTING_PROJECT_STATUSES

from .models import ImportKind

MAX_ROWS = 20_000
MAX_AGE = 120
EARLIEST_YEAR = 1990
MAX_COUNT = 2_147_483_647
LIST_SEPARATOR = ";"
PREVIEW_ROWS = 25
PROGRESS_EVERY = 250


@dataclass(frozen=True)
class ImportColumn:
    heading: str
    key: str
    required: bool = False
    hint: str = ""
    example: str = ""


PROJECT_COLUMNS = (
    ImportColumn("Reference", "reference", True, "Your own reference; importing it again changes nothing.", "HY-001"),
    ImportColumn("Title", "title", True, "At most 200 characters.", "Mentoring in Stonebridge"),
    ImportColumn("Description", "description", example="Weekly mentoring for young people on the estate."),
    ImportColumn("Lead organisation", "lead_organisation", hint="Blank means your own organisation.", example="Hyde"),
    ImportColumn("Consortium members", "consortium", hint="Organisation names, separated by semicolons."),
    ImportColumn("Boroughs", "boroughs", True, "Names or GSS codes, separated by semicolons.", "Brent"),
    ImportColumn("Places", "places", hint="Place names in those boroughs, separated by semicolons.", example=""),
    ImportColumn(
        "Intervention types", "intervention_types", True, "Kinds of work, separated by semicolons.", "Mentoring"
    ),
    ImportColumn("Youngest age", "age_min", True, example="11"),
    ImportColumn("Oldest age", "age_max", True, example="18"),
    ImportColumn("Start date", "start_date", True, "Like 2025-04-01 or 01/04/2025.", "2025-04-01"),
    ImportColumn("End date", "end_date", True, "Not before the start date.", "2026-03-31"),
    ImportColumn("Funding programme", "funding_programme", example="MyEnds"),
    ImportColumn("Funder", "funder", hint="The organisation paying, if not the programme's funder."),
    ImportColumn("Funding amount (£)", "funding_amount", example="25000"),
    ImportColumn("Target reach", "target_reach", hint="Young people it aims to reach over its life.", example="120"),
    ImportColumn(
        "How young people are involved",
        "youth_involvement",
        hint="Informed, consulted, co-designed or youth-led.",
        example="Consulted",
    ),
)
RETURN_COLUMNS = (
    ImportColumn("Reference", "reference", True, "Your own reference for the return.", "HY-001-2025Q1"),
    ImportColumn("Project reference", "project_reference", True, "The project's Reference.", "HY-001"),
    ImportColumn("Lead organisation", "lead_organisation", hint="Blank means your own organisation.", example="Hyde"),
    ImportColumn("Period start", "period_start", True, "The first day of a financial quarter.", "2025-04-01"),
    ImportColumn("Period end", "period_end", True, "The last day of the same quarter.", "2025-06-30"),
    ImportColumn("Young people reached", "young_people_reached", example="25"),
    ImportColumn("Sessions delivered", "sessions_delivered", example="12"),
    ImportColumn("Families reached", "families_reached", example="4"),
    ImportColumn("Narrative", "narrative", example="Sessions ran weekly; two young people joined the panel."),
)
COLUMNS = {ImportKind.PROJECTS: PROJECT_COLUMNS, ImportKind.RETURNS: RETURN_COLUMNS}


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the user."""


# Reading -----------------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    # Excel on Windows saves "CSV" in Windows-1252 unless told to use UTF-8.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_table(stream: IO[bytes], filename: str) -> tuple[list, list[tuple[int, list]]]:
    """The heading row and every non-blank row under it (with its spreadsheet row number) of a CSV or XLSX file."""
    data = stream.read()
    if filename.lower().endswith(".xlsx"):
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as error:
            raise ImportFileError("The file is not an Excel workbook the portal can read: save it as .xlsx.") from error
        rows = workbook.worksheets[0].iter_rows(values_only=True)
    else:
        rows = csv.reader(io.StringIO(_decode(data)))
    table = [(number, list(row)) for number, row in enumerate(rows, start=1)]
    table = [(number, row) for number, row in table if any(_text(cell) for cell in row)]
    if not table:
        raise ImportFileError("The file is empty: it needs a heading row and at least one row under it.")
    (_, headings), body = table[0], table[1:]
    if not body:
        raise ImportFileError("The file has a heading row but no rows under it.")
    if len(body) > MAX_ROWS:
        raise ImportFileError(f"The file has {len(body):,} rows; import at most {MAX_ROWS:,} at a time.")
    return headings, body


def map_headings(headings: list, columns: tuple[ImportColumn, ...]) -> dict[str, int]:
    """Which position each column is at; raises ImportFileError naming unknown, repeated or missing headings."""
    known = {column.heading.casefold(): column for column in columns}
    positions: dict[str, int] = {}
    problems = []
    for position, heading in enumerate(headings):
        text = _text(heading)
        if not text:
            continue
        column = known.get(text.casefold())
        if column is None:
            problems.append(f"“{text}” is not a column the portal knows")
        elif column.key in positions:
            problems.append(f"“{column.heading}” appears twice")
        else:
            positions[column.key] = position
    problems += [f"“{c.heading}” is missing" for c in columns if c.required and c.key not in positions]
    if problems:
        raise ImportFileError(f"The heading row does not match the template: {'; '.join(problems)}.")
    return positions


# Cells -------------------------------------------------------------------------------------------------


def _text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    return str(cell).strip()


_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(cell) -> date:
    """A date from an Excel date cell, 2025-04-01 or 01/04/2025 (day first, as in the UK), from 1990 on."""
    if isinstance(cell, datetime):
        value = cell.date()
    elif isinstance(cell, date):
        value = cell
    else:
        text = _text(cell)
        try:
            if match := _DAY_MONTH_YEAR.match(text):
                day, month, year = (int(part) for part in match.groups())
                value = date(year, month, day)
            else:
                value = date.fromisoformat(text)
        except ValueError:
            raise ValueError("Enter a real date, like 2025-04-01 or 01/04/2025.") from None
    if value.year < EARLIEST_YEAR:
        raise ValueError("Enter a real date, with a four-digit year, like 2025-04-01.")
    return value


def parse_count(cell, *, maximum: int = MAX_COUNT) -> int:
    """A whole number, not negative, at most `maximum`."""
    text = _text(cell).replace(",", "")
    if not re.fullmatch(r"-?\d+", text):
        raise ValueError("Enter a whole number, like 25.")
    number = int(text)
    if number < 0:
        raise ValueError("This cannot be negative.")
    if number > maximum:
        raise ValueError(f"Enter a number no bigger than {maximum:,}.")
    return number


def parse_amount(cell) -> Decimal:
    """An amount in pounds, not negative, to the penny: 25000, 25,000 or £25,000.50."""
    text = _text(cell).replace(",", "").removeprefix("£").strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError("Enter an amount in pounds, like 25000 or 25,000.50.") from None
    if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")) or amount >= Decimal("1e10"):
        raise ValueError("Enter an amount in pounds and pence, under £10 billion.")
    if amount < 0:
        raise ValueError("The funding amount cannot be negative.")
    return amount


def parse_list(cell) -> list[str]:
    """The items of a semicolon-separated cell, blanks dropped."""
    return [item.strip() for item in _text(cell).split(LIST_SEPARATOR) if item.strip()]


# Rules (shared with the project form's) ----------------------------------------------------------------


def end_before_start(start: date, end: date) -> str | None:
    return "The end date must be the same as or after the start date." if end < start else None


def ages_out_of_order(age_min: int, age_max: int) -> str | None:
    return "The oldest age must be the same as or above the youngest age." if age_min > age_max else None


def places_outside(places: list[Place], borough_ids: set[int]) -> list[Place]:
    """The places in none of the chosen boroughs (a place counts as in each borough it touches)."""
    return [place for place in places if not ({place.borough_id} | place.touches) & borough_ids]


def return_period_problem(start: date, end: date, project_start: date, project_end: date, *, today: date) -> str | None:
    """Why a return's period is not one financial quarter, started, that the project runs in; None if it is."""
    quarter = Quarter.containing(start)
    if (start, end) != (quarter.start, quarter.end):
        return f"The period must be exactly one financial quarter, such as {date_range(quarter.start, quarter.end)}."
    if quarter.end < project_start or quarter.start > project_end:
        return f"The project runs from {date_range(project_start, project_end)}: {quarter} is outside it."
    if quarter.start > today:
        return f"{quarter} has not started yet: import its return once it has."
    return None


# Names and codes -------------------------------------------------------------------------------------


class Directory:
    """Organisations, boroughs, places, intervention types and programmes by name or code, loaded once per file."""

    def __init__(self):
        organisations = list(Organisation.objects.all())
        self.organisations = {o.name.casefold(): o for o in organisations}
        self.organisations |= {o.org_id.casefold(): o for o in organisations if o.org_id}
        boroughs = list(Borough.objects.all())
        self.boroughs = {b.name.casefold(): b for b in boroughs} | {b.gss_code.casefold(): b for b in boroughs}
        self.places: dict[str, list[Place]] = {}
        touching: dict[int, set[int]] = {}
        for place_id, borough_id in Place.also_in_boroughs.through.objects.values_list("place_id", "borough_id"):
            touching.setdefault(place_id, set()).add(borough_id)
        for place in Place.objects.select_related("borough"):
            place.touches = touching.get(place.pk, set())
            self.places.setdefault(place.name.casefold(), []).append(place)
            self.places.setdefault(str(place).casefold(), []).append(place)
        types = list(InterventionType.objects.all())
        self.types = {t.name.casefold(): t for t in types} | {t.slug.casefold(): t for t in types}
        self.programmes = {p.name.casefold(): p for p in FundingProgramme.objects.all()}
        self.involvement = {
            name: choice.value
            for choice in YouthInvolvement
            for name in (choice.label.casefold(), choice.value, choice.value.replace("_", "-"))
        }

    @staticmethod
    def _find(table: dict, text: str, what: str):
        try:
            return table[text.casefold()]
        except KeyError:
            raise ValueError(f"No {what} called “{text}” is in the portal.") from None

    def organisation(self, text: str) -> Organisation:
        return self._find(self.organisations, text, "organisation")

    def borough(self, text: str) -> Borough:
        return self._find(self.boroughs, text, "London borough")

    def intervention_type(self, text: str) -> InterventionType:
        return self._find(self.types, text, "intervention type")

    def programme(self, text: str) -> FundingProgramme:
        return self._find(self.programmes, text, "funding programme")

    def youth_involvement(self, text: str) -> str:
        return self._find(self.involvement, text, "kind of involvement")

    def place(self, text: str, *, borough_ids: set[int]) -> Place:
        """A place by name, preferring one in the chosen boroughs; "Name (Borough)" settles a shared name."""
        candidates = self.places.get(text.casefold(), [])
        inside = {p.pk: p for p in candidates if ({p.borough_id} | p.touches) & borough_ids}
        if len(inside) > 1:
            raise ValueError(f"More than one place is called “{text}”: write it as “Name (Borough)”.")
        if inside:
            return next(iter(inside.values()))
        if candidates:
            return candidates[0]  # Found, but outside the chosen boroughs: places_outside names it.
        raise ValueError(f"No place called “{text}” is in the portal.")


# Checking ----------------------------------------------------------------------------------------------


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

    def fail(self, key: str, message: str) -> None:
        self.ok = False
        self.checked.problem(self.number, self.columns[key].heading, message)

    def value(self, key: str, parse: Callable = _text, *, default=None):
        """The parsed cell, or `default` when blank; a required blank or a parse error is a problem."""
        cell = self.raw(key)
        if not _text(cell):
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

    def lead(self, directory: Directory, default: Organisation | None, may_import_for: Callable) -> Organisation | None:
        text = _text(self.raw("lead_organisation"))
        if not text and default is None:
            self.fail("lead_organisation", "Enter the lead organisation.")
            return None
        try:
            organisation = directory.organisation(text) if text else default
        except ValueError as error:
            self.fail("lead_organisation", str(error))
            return None
        if not may_import_for(organisation):
            self.fail("lead_organisation", f"You can import only for your own organisation, not {organisation}.")
        return organisation


def _rows(table: list, positions: dict, columns: tuple, checked: CheckedFile) -> Iterator[_RowChecker]:
    by_key = {column.key: column for column in columns}
    for number, cells in table:
        checked.row_count += 1
        yield _RowChecker(checked, number, cells, positions, by_key)


def check_projects(
    headings: list,
    table: list,
    *,
    default_organisation: Organisation | None,
    may_import_for: Callable[[Organisation], bool],
    on_progress: Callable[[int, int], None] = lambda done, total: None,
) -> CheckedFile:
    """Check every project row; rows whose lead already has a project with that reference are marked existing."""
    positions = map_headings(headings, PROJECT_COLUMNS)
    directory = Directory()
    checked = CheckedFile()
    seen: dict[tuple[int, str], int] = {}
    for row in _rows(table, positions, PROJECT_COLUMNS, checked):
        reference = row.text("reference", 100)
        lead = row.lead(directory, default_organisation, may_import_for)
        title = row.text("title", 200)
        boroughs = row.each("boroughs", directory.borough)
        borough_ids = {b.pk for b in boroughs}
        places = row.each("places", partial(directory.place, borough_ids=borough_ids))
        if outside := places_outside(places, borough_ids):
            names = ", ".join(place.name for place in outside)
            row.fail("places", f"{names} {'is' if len(outside) == 1 else 'are'} not in the chosen boroughs.")
        age_min = row.value("age_min", lambda c: parse_count(c, maximum=MAX_AGE))
        age_max = row.value("age_max", lambda c: parse_count(c, maximum=MAX_AGE))
        if age_min is not None and age_max is not None and (message := ages_out_of_order(age_min, age_max)):
            row.fail("age_max", message)
        start = row.value("start_date", parse_date)
        end = row.value("end_date", parse_date)
        if start and end and (message := end_before_start(start, end)):
            row.fail("end_date", message)
        consortium = row.each("consortium", directory.organisation)
        if lead is not None and lead in consortium:
            row.fail("consortium", f"{lead} leads the project, so it cannot also be a consortium member.")
        values = {
            "external_reference": reference,
            "lead_organisation": lead,
            "title": title,
            "description": row.value("description", default=""),
            "boroughs": boroughs,
            "places": places,
            "intervention_types": row.each("intervention_types", directory.intervention_type),
            "consortium": list(dict.fromkeys(consortium)),
            "age_min": age_min,
            "age_max": age_max,
            "start_date": start,
            "end_date": end,
            "funding_programme": row.value("funding_programme", directory.programme),
            "funder": row.value("funder", directory.organisation),
            "funding_amount": row.value("funding_amount", parse_amount),
            "target_reach": row.value("target_reach", parse_count),
            "youth_involvement": row.value(
                "youth_involvement", directory.youth_involvement, default=YouthInvolvement.CONSULTED
            ),
        }
        key = (lead.pk if lead else None, reference)
        if reference and (earlier := seen.setdefault(key, row.number)) != row.number:
            row.fail("reference", f"Row {earlier} has the same reference for {lead}.")
        if row.ok:
            checked.rows.append(CheckedRow(row.number, values))
        if checked.row_count % PROGRESS_EVERY == 0:
            on_progress(checked.row_count, len(table))
    existing = set(
        Project.objects.filter(
            external_reference__in={row.values["external_reference"] for row in checked.rows}
        ).values_list("lead_organisation_id", "external_reference")
    )
    for row in checked.rows:
        row.existing = (row.values["lead_organisation"].pk, row.values["external_reference"]) in existing
    return checked


def check_returns(
    headings: list,
    table: list,
    *,
    default_organisation: Organisation | None,
    may_import_for: Callable[[Organisation], bool],
    on_progress: Callable[[int, int], None] = lambda done, total: None,
    today: date | None = None,
) -> CheckedFile:
    """Check every return row against its project; rows whose reference the project already has are existing."""
    today = today or timezone.localdate()
    positions = map_headings(headings, RETURN_COLUMNS)
    directory = Directory()
    column = positions["project_reference"]
    references = {_text(cells[column]) for _, cells in table if column < len(cells)}
    projects = {
        (p.lead_organisation_id, p.external_reference): p
        for p in Project.objects.filter(external_reference__in=references - {""}).only(
            "pk", "title", "status", "lead_organisation_id", "external_reference", "start_date", "end_date"
        )
    }
    project_ids = [p.pk for p in projects.values()]
    taken = {
        (project_id, period_start): reference
        for project_id, period_start, reference in MonitoringReturn.objects.filter(project__in=project_ids).values_list(
            "project_id", "period_start", "external_reference"
        )
    }
    references_used = {(project_id, reference): start for (project_id, start), reference in taken.items() if reference}
    checked = CheckedFile()
    seen: dict[tuple[int, date], int] = {}
    for row in _rows(table, positions, RETURN_COLUMNS, checked):
        reference = row.text("reference", 100)
        lead = row.lead(directory, default_organisation, may_import_for)
        project_reference = row.text("project_reference", 100)
        project = projects.get((lead.pk, project_reference)) if lead is not None else None
        if lead is not None and project_reference and project is None:
            row.fail("project_reference", f"{lead} has no project with the reference “{project_reference}”.")
        elif project is not None and project.status not in REPORTING_PROJECT_STATUSES:
            row.fail(
                "project_reference",
                f"{project} is {project.get_status_display().lower()}: returns are made once a project is submitted.",
            )
            project = None
        start = row.value("period_start", parse_date)
        end = row.value("period_end", parse_date)
        values = {
            "external_reference": reference,
            "project": project,
            "period_start": start,
            "period_end": end,
            "young_people_reached": row.value("young_people_reached", parse_count, default=0),
            "sessions_delivered": row.value("sessions_delivered", parse_count, default=0),
            "families_reached": row.value("families_reached", parse_count, default=0),
            "narrative": row.value("narrative", default=""),
        }
        existing = False
        if project is not None and start and end:
            if message := return_period_problem(start, end, project.start_date, project.end_date, today=today):
                row.fail("period_start", message)
            elif (held := taken.get((project.pk, start))) is not None:
                existing = held == reference
                if not existing:
                    row.fail("period_start", f"{project} already has a return for {Quarter.containing(start)}.")
            elif (other := references_used.get((project.pk, reference))) is not None:
                row.fail("reference", f"This reference is already used for the return for {Quarter.containing(other)}.")
            elif (earlier := seen.setdefault((project.pk, start), row.number)) != row.number:
                row.fail("period_start", f"Row {earlier} is a return for the same project and quarter.")
        if row.ok:
            checked.rows.append(CheckedRow(row.number, values, existing=existing))
        if checked.row_count % PROGRESS_EVERY == 0:
            on_progress(checked.row_count, len(table))
    return checked


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


def template_rows(kind: str) -> list[list[str]]:
    """The downloadable template: the headings, then one example row."""
    columns = COLUMNS[kind]
    return [[column.heading for column in columns], [column.example for column in columns]]
