"""URL routes of the archive; names follow "<model>-<view>"."""

from django.urls import path

from . import views
from .kinds import ENTITY_KINDS
from .views.indexes import INDEXES

app_name = "archive"

urlpatterns = [
    path("", views.home, name="home"),
    path("statements/", views.statement_list, name="statement-list"),
    path("statements/export.csv", views.statement_export, name="statement-export"),
    path("statements/feed.atom", views.statement_feed, name="statement-feed"),
    path("statements/<int:pk>/", views.statement_detail, name="statement-detail-noslug"),
    path("statements/<int:pk>/<slug:slug>/", views.statement_detail, name="statement-detail"),
    *[  # an entity page per kind of fact whose values are entities: /people/<slug>/
        path(
            f"{kind.url_path}/<slug:slug>/",
            views.entity_detail,
            {"kind": kind.name},
            name=kind.url_name.removeprefix(f"{app_name}:"),
        )
        for kind in ENTITY_KINDS
    ],
    path("meetings/", views.meeting_list, name="meeting-list"),
    # Research outputs: every list as JSON too, citations, index pages, the data page.
    path("statements/export.json", views.statement_export_json, name="statement-export-json"),
    path(
        "statements/<int:pk>/<slug:slug>/p<int:n>/",
        views.statement_paragraph,
        name="statement-paragraph",
    ),
    path(
        "statements/<int:pk>/<slug:slug>/cite.<str:fmt>",
        views.statement_citation,
        name="statement-citation",
    ),
    path(
        "statements/<int:pk>/<slug:slug>/p<int:n>/cite.<str:fmt>",
        views.statement_citation,
        name="statement-paragraph-citation",
    ),
    *[  # an index page per kind of entities: /people/
        path(f"{name}/", views.entity_index, {"name": name}, name=f"{name}-index")
        for name in INDEXES
    ],
    path("data/", views.data, name="data"),
]
