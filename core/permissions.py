"""The one mixin that enforces a permission predicate on a view: 404 if the object is unseen, 403 if refused."""

from django.core.exceptions import PermissionDenied


class PermissionMixin:
    """A view names a `rules` predicate in `permission`; it is tested before any handler runs.

    `get_permission_object()` returns the object the predicate is about, fetched through a selector
    scoped to the user (so an object the user may not see is a 404 by construction); views about no
    object return None and the predicate is asked about the user alone. The object is kept on
    `self.object` for the handler.
    """

    permission = None

    def get_permission_object(self):
        return None

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_permission_object()
        allowed = (
            self.permission.test(request.user)
            if self.object is None
            else self.permission.test(request.user, self.object)
        )
        if not allowed:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
