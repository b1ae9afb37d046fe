"""The search seam: one public API, a backend per database vendor (see `archive.search.api`)."""
