"""Add an editor: a staff account in the "Editors" group (a new user, or an existing one).

manage.py add_editor alice --email alice@example.org      # asks for a password
EDITOR_PASSWORD=... manage.py add_editor alice --no-input  # scripts
"""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

GROUP = "Editors"


class Command(BaseCommand):
    help = "Create an editor account (or make an existing user an editor)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--no-input",
            action="store_true",
            help="Take a new user's password from the EDITOR_PASSWORD environment variable.",
        )

    def handle(self, *args, username, email, no_input, **options):
        group = Group.objects.filter(name=GROUP).first()
        if group is None:
            raise CommandError(f'No "{GROUP}" group: run "manage.py migrate" first.')
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        password = None
        if user is None:
            password = self._password(no_input)
            try:
                validate_password(password, User(username=username, email=email))
            except ValidationError as problem:
                raise CommandError(" ".join(problem.messages)) from None
        with transaction.atomic():
            verb = "Made" if user else "Created"
            if user is None:
                user = User.objects.create_user(username, email=email, password=password)
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            user.groups.add(group)
        self.stdout.write(f"{verb} {username} an editor (staff, in the {GROUP} group).")

    def _password(self, no_input: bool) -> str:
        if no_input:
            password = os.environ.get("EDITOR_PASSWORD", "")
            if not password:
                raise CommandError("Set EDITOR_PASSWORD, or run without --no-input to be asked.")
            return password
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The passwords differ.")
        return password
