"""The import templates' columns, for projects and for returns: headings, what each holds, and an example row."""

from dataclasses import dataclass

from ..models import ImportKind


@dataclass(frozen=True)
class ImportColumn:
    """One column of a template: its heading, the key the checks use, and help for the person filling it in."""

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


def template_rows(kind: str) -> list[list[str]]:
    """The downloadable template: the headings, then one example row."""
    columns = COLUMNS[kind]
    return [[column.heading for column in columns], [column.example for column in columns]]
