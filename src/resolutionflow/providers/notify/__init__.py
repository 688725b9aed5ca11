"""Notification delivery: email over SMTP (more channels arrive with escalations)."""
