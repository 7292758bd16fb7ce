"""How every service changes a project or a return: lock, check the version and permission, save with history.

Each service locks the row it changes, checks the version the user's form was made from (so a second
person saving an older copy is told rather than overwriting the first), re-checks the permission
predicate against the locked row, and saves once with `save()` so django-simple-history keeps one
record per change, with the user and the reason.
"""

from core.errors import PortalError


def locked(obj, *related):
    """The object's row, locked until the transaction ends, as it is now in the database."""
    return type(obj).objects.select_for_update(of=("self",)).select_related(*related).get(pk=obj.pk)


def check_version(obj, version: int | None, noun: str) -> None:
    """The user's form was made from the version now in the database; otherwise someone changed it since."""
    if obj.version != version:
        raise PortalError(
            f"Someone else changed this {noun} after you opened it, so your changes have not been saved. "
            f"Open the {noun} again to see the latest version, then make your changes again."
        )


def require(predicate, user, obj, verb: str, noun: str) -> None:
    """The permission predicate allows the user the action on the locked row, in the state it is in now."""
    if not predicate.test(user, obj):
        raise PortalError(f"You cannot {verb} this {noun} now: it is {obj.get_status_display().lower()}.")


def save_change(obj, *, user, reason: str) -> None:
    """Save a changed object once, raising its version and recording who changed it and why."""
    obj.version += 1
    obj._history_user = user
    obj._change_reason = reason
    obj.save()
