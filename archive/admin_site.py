"""The editors' desk: the Django admin, branded as the archive's, its sidebar grouped by task.

Editors work on statements (the review page) and on the people, organizations and places the
statements name; the extracted fact tables stay reachable from the review page and from links,
but are not a wall of seventeen tables in the sidebar.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

# Sidebar sections: (title, model names of the archive shown there, in order).
SECTIONS = [
    ("Statements", ["statement", "mergesuggestion"]),
    ("People and places", ["person", "organization", "place", "resolution"]),
    ("Reference data", ["knownperson"]),
]
ACCOUNTS = ("Accounts", ["user", "group", "accessattempt", "accesslog", "accessfailurelog"])


class EditorsAdminSite(admin.AdminSite):
    site_header = "Statement Archive · editors’ desk"
    site_title = "Statement Archive editors"
    index_title = "Review, correct and publish"

    def get_app_list(self, request, app_label=None):
        """The models an editor uses, in task order; anything else under "More"."""
        apps = super().get_app_list(request, app_label)
        if app_label:
            return apps
        models = {m["object_name"].lower(): (app, m) for app in apps for m in app["models"]}
        sections, placed = [], set()
        for title, names in [*SECTIONS, ACCOUNTS]:
            found = [models[name] for name in names if name in models]
            if not found:
                continue
            placed.update(names)
            app = found[0][0]
            sections.append(
                {
                    **app,
                    "name": title,
                    "app_label": app["app_label"],
                    "models": [model for _, model in found],
                }
            )
        rest = [m for name, (_, m) in models.items() if name not in placed]
        if rest:
            sections.append({**apps[0], "name": "More", "models": rest})
        return sections


class EditorsAdminConfig(AdminConfig):
    default_site = "archive.admin_site.EditorsAdminSite"
