"""Ingestion: parse release files (parse.py), extract entities (extract.py), load them (load.py)."""
