"""Database plumbing: the declarative base, the engine, and the request-edge unit of work."""
