"""Guided flows: the interchange format, validation, versions, diff, library search, import/export."""
