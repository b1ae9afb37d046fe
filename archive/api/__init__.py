"""The read-only JSON API (version 1) at /api/v1/, its OpenAPI description and its docs page.

django-ninja: the schemas below are pydantic models, from which it derives both the validation of
the answers and the OpenAPI description, and it serves Swagger UI from its own static files.
"""

from .routes import api

__all__ = ["api"]
