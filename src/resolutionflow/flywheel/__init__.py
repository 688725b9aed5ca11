"""The knowledge flywheel: proposals from sessions, the review queue, and coverage gaps."""
