"""Load the partnership's real facts; running it again changes nothing."""

from django.core.management.base import BaseCommand

from programmes.partnership import partnership_load


class Command(BaseCommand):
    help = "Load the 33 London areas, the partner organisations, MyEnds, One Flow – One Brent and the VRU posts."

    def handle(self, *args, **options):
        report = partnership_load()
        made = ", ".join(f"{count} {kind}" for kind, count in report.created.items() if count) or "nothing new"
        self.stdout.write(f"Partnership facts loaded: {made}.")
