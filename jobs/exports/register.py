"""The project register as an export's file: the register's own columns, as CSV or Excel."""

import io

from django.db.models import QuerySet

from core.exports import write_csv, write_xlsx
from programmes.selectors.register import register_rows

from ..models import ExportJob, ExportKind
from .writing import Written, as_text, with_progress


def register_write(job: ExportJob, projects: QuerySet, stream: io.BufferedIOBase) -> Written:
    """Write the projects as the register lists them; CSV starts with a byte order mark so Excel reads £ and –."""
    total = projects.count()
    rows = with_progress(register_rows(projects), job_id=job.pk, total=total + 1)
    if job.kind == ExportKind.REGISTER_XLSX:
        return Written(write_xlsx(rows, stream), total)
    with as_text(stream, "utf-8-sig") as text:
        return Written(write_csv(rows, text), total)
