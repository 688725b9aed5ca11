"""A/B tests between two versions of a flow: starting and stopping them, assigning new sessions
a variant, and the per-variant results with their significance."""
