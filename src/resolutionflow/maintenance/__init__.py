"""Maintenance: target lists, batches across many targets, schedules, the report per client."""
