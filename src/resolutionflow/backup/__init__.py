"""Backups you can restore: a consistent copy of the database (SQLite online backup or
pg_dump), the attachments read through the configured storage, and a manifest of checksums."""
