"""The API tokens page: make a token (its secret shown once), see yours, revoke one; administrators see everyone's."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import add_never_cache_headers
from django.views.generic import FormView, TemplateView

from core.errors import PortalError
from core.permissions import PermissionMixin
from core.roles import is_administrator

from ..forms import ApiTokenForm
from ..tokens import token_create, token_revoke, tokens_of, tokens_revocable_by

TOKENS_PER_PAGE = 50


class ApiTokenListView(FormView):
    """Your tokens and the form to make one; after making one, its secret is on this page once and never again."""

    form_class = ApiTokenForm
    template_name = "api/token_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(tokens=tokens_of(user), is_administrator=is_administrator.test(user), **kwargs)

    def form_valid(self, form):
        try:
            token, secret = token_create(
                user=self.request.user, name=form.cleaned_data["name"], expires_on=form.cleaned_data["expires_on"]
            )
        except PortalError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        # Rendered, not redirected: the secret is never stored, in the session or anywhere else.
        response = self.render_to_response(
            self.get_context_data(form=ApiTokenForm(), new_token=token, new_secret=secret)
        )
        add_never_cache_headers(response)
        return response


class ApiTokenRevokeView(TemplateView):
    """Confirm (GET) and revoke (POST) one of your tokens, or anyone's for an administrator; others' are a 404."""

    template_name = "api/token_revoke.html"

    def dispatch(self, request, *args, **kwargs):
        self.token = get_object_or_404(tokens_revocable_by(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(token=self.token, **kwargs)

    def post(self, request, *args, **kwargs):
        token_revoke(token=self.token, user=request.user)
        messages.success(request, f"The token “{self.token.name}” is revoked. Calls made with it are now refused.")
        return redirect("api:token-all" if self.token.user_id != request.user.pk else "api:token-list")


class AllApiTokensView(PermissionMixin, TemplateView):
    """Every person's tokens, for administrators, newest first, to revoke any of them."""

    permission = is_administrator
    template_name = "api/token_all.html"

    def get_context_data(self, **kwargs):
        tokens = Paginator(tokens_revocable_by(self.request.user), TOKENS_PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(page_obj=tokens, **kwargs)
