"""FlowPilot: guided sessions where the AI walks the engineer through a problem one structured
step at a time, and knows when it is guessing. Intake → triage header → flow matching → steps
(question, action, resolution suggestion, fork) with a confidence and tier after each answer →
facts ("what we know"), suggested fixes with outcomes → the resolution package."""
