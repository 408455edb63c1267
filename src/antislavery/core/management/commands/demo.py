from django.core.management.base import BaseCommand

from antislavery.accounts.demo import print_accounts
from antislavery.core.demo import load_all
from antislavery.localpicture.warming import warming_deferred


class Command(BaseCommand):
    help = ("Load the reference data (areas, national bodies) and the demonstration data "
            "(synthetic figures, demo requests and users); safe to repeat. Prints the demo "
            "accounts.")

    def add_arguments(self, parser):
        parser.add_argument("--quiet-accounts", action="store_true",
                            help="Do not print the demo accounts at the end.")

    def handle(self, *, quiet_accounts: bool, **options):
        with warming_deferred():  # draw the area pictures once, for the final figures
            load_all(stdout=self.stdout)
        if not quiet_accounts:
            print_accounts(stdout=self.stdout)
