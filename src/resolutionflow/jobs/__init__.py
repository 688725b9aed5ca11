"""Durable background work in the database: jobs with leases, retries and a dead state, and
recurring schedules whose slots become jobs. One code path serves SQLite and PostgreSQL."""
