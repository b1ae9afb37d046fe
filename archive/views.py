"""Server-rendered pages of the archive."""

from django.shortcuts import get_object_or_404, redirect, render

from .models import Organization, Person, Place, Resolution, Statement


def home(request):
    statements = Statement.objects.published().newest_first()[:10]
    return render(request, "archive/home.html", {"statements": statements})


def statement_list(request):
    statements = Statement.objects.published().newest_first()
    return render(request, "archive/statement_list.html", {"statements": statements})


def statement_detail(request, pk, slug=None):
    statement = get_object_or_404(Statement.objects.published(), pk=pk)
    if slug != statement.slug:
        return redirect(statement, permanent=True)
    return render(request, "archive/statement_detail.html", {"statement": statement})


def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    return render(request, "archive/person_detail.html", {"person": person})


def organization_detail(request, slug):
    organization = get_object_or_404(Organization, slug=slug)
    return render(request, "archive/organization_detail.html", {"organization": organization})


def resolution_detail(request, slug):
    resolution = get_object_or_404(Resolution, slug=slug)
    return render(request, "archive/resolution_detail.html", {"resolution": resolution})


def place_detail(request, slug):
    place = get_object_or_404(Place, slug=slug)
    return render(request, "archive/place_detail.html", {"place": place})


def meeting_list(request):
    return render(request, "archive/meeting_list.html", {})
