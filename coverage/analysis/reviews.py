"""VRU staff's reviews of overlaps as the analysis reads them, and the identity an overlap is reviewed under."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .data import Site


def overlap_key(site: Site, type_id: int, project_ids: Iterable[int]) -> str:
    """A stable identity for an overlap: its site, its intervention type and its exact set of projects."""
    text = f"{site.kind}:{site.id}:{type_id}:" + ",".join(str(pk) for pk in sorted(set(project_ids)))
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class ReviewInfo:
    """VRU staff's judgement of one overlap, valid only while the overlap has exactly these projects."""

    site: Site
    type_id: int
    project_ids: frozenset[int]
    status: str
    status_label: str
    note: str
    reviewed_by: str
    reviewed_at: datetime

    @property
    def key(self) -> str:
        return overlap_key(self.site, self.type_id, self.project_ids)
