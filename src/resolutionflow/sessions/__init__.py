"""Troubleshooting sessions: the flow engine, the append-only timeline, and documentation."""
