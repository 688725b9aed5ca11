"""Escalations and the handoff: a junior escalates a session with a reason and priority; the
handoff carries a redacted snapshot and an AI assessment to the senior who claims it (one
conditional UPDATE decides races) and continues the same session."""
