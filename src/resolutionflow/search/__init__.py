"""Full-text search over free text that is not a flow: session titles and timeline text, the
redacted documentation of resolved sessions, knowledge-document chunks.

One table, `text_search`, holds a row per searchable piece: SQLite FTS5 on the embedded default,
PostgreSQL tsvector + GIN in production (the same unstemmed 'simple' configuration as flow search,
so prefix matching works while typing). Rows are keyed by (kind, ref_id) and grouped by
`parent_id` (the session of an event, the document of a chunk). The owning services call
`put()`/`delete()` on every write (`add()` for rows of pieces just created) that changes searchable text.
"""

from resolutionflow.search.index import Hit, Row, add, delete, delete_parent, put, search

__all__ = ["Hit", "Row", "add", "delete", "delete_parent", "put", "search"]
