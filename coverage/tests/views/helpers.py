"""What the coverage page tests share: the year they ask about, a page's text, and an overlap's address."""

YEAR = {"period": "fy2025"}  # 1 April 2025 to 31 March 2026


def overlap_at(place, kind, *projects) -> dict:
    """The overlap review page's query for these projects' overlap at a place, in the year asked about."""
    return {
        "site": f"place-{place.pk}",
        "overlap_type": kind.slug,
        "projects": ",".join(str(p.pk) for p in sorted(projects, key=lambda p: p.pk)),
        **YEAR,
    }


def text(response) -> str:
    return response.content.decode()
