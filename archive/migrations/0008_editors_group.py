"""The "Editors" group, with exactly the permissions the editors' desk needs.

Editors review, correct, publish and merge: they change statements and their facts, people,
organizations, places and resolutions, and answer merge suggestions; they read roles over time
and the history. They cannot manage users, groups or login lockouts.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITABLE = [
    "statement",
    "mention",
    "citation",
    "organizationmention",
    "placemention",
    "meeting",
    "person",
    "personalias",
    "organization",
    "organizationalias",
    "place",
    "placealias",
    "resolution",
]
# Merge suggestions come from the extractor: editors answer them (change) but never add any.
ANSWERED = ["mergesuggestion"]
READ_ONLY = ["membership", "correction"]


def codenames():
    for model in EDITABLE:
        yield from (f"{action}_{model}" for action in ("view", "add", "change", "delete"))
    for model in ANSWERED:
        yield from (f"view_{model}", f"change_{model}")
    for model in READ_ONLY:
        yield f"view_{model}"


def create_editors(apps, schema_editor):
    # Permissions are normally created after every migration has run; this one needs them now.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    wanted = list(codenames())
    found = Permission.objects.filter(content_type__app_label="archive", codename__in=wanted)
    editors.permissions.set(found)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0007_editors_history_corrections_former_slugs"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
