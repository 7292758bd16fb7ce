"""History says which changes came through the API: the services' reason, followed by "(via API)"."""

VIA_API = "via API"


def recorded_via_api(obj) -> None:
    """Mark the record's latest history entry (just written by a service, with its user) as made through the API."""
    record = obj.history.order_by("-history_date", "-history_id").first()
    if record is not None and not (record.history_change_reason or "").endswith(f"({VIA_API})"):
        record.history_change_reason = f"{record.history_change_reason or 'Changed'} ({VIA_API})"
        record.save(update_fields=["history_change_reason"])
