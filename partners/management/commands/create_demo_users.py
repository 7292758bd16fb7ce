"""Create the demo accounts and print their logins; refused under production settings."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from partners.demo_accounts import demo_users_create


class Command(BaseCommand):
    help = "Create demo accounts (programme manager, coordinator, a youth lead per housing association, admin)."

    def handle(self, *args, **options):
        if not settings.DEMO_ACCOUNTS_ALLOWED:
            raise CommandError("create_demo_users refuses to run under production settings.")
        password = settings.DEMO_PASSWORD
        logins = demo_users_create(password=password)
        self.stdout.write(f"Demo logins (password for new accounts: {password}):")
        for login in logins:
            note = "" if login.created else "  (existed already: password unchanged)"
            self.stdout.write(f"  {login.username:<40} {login.role:<28} {login.organisation}{note}")
