"""Home: what needs the signed-in person now, per role, in one read."""
