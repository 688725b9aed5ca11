"""text_search on PostgreSQL: words inside paths, URLs, e-mail addresses and version numbers
are words, as on SQLite

Revision ID: 0028_text_search_words
Revises: 0027_single_sign_on
Create Date: 2026-12-07 15:00:00

PostgreSQL's text-search parser keeps "/opt/tomcat/conf/server.xml", "intranet.corp/wiki",
"john.smith@example.com" and "9.0.58" as single tokens, so "tomcat", "wiki" or "58" did not
find those rows there, while SQLite's FTS5 (unicode61) and search/ranking.py (which counts
\\w+ words) split them into words. The copilot's ranking is the same on both engines only when
the engines find the same rows (issue 20), and IT tickets are full of such tokens. The
generated `document` column now reads these separators as spaces (it already did so for
hyphens): the column is re-created (every row's document recomputed) and its GIN index with it.
SQLite is unchanged.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0028_text_search_words"
down_revision: str | tuple[str, ...] | None = "0027_single_sign_on"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Characters PostgreSQL's parser joins words with (paths, URLs and their query strings, e-mail
# addresses, hosts, versions and decimals, XML-like tags and entities), each read as a space.
_SEPARATORS = "-./@:\\<>&=?+"
_OLD_SEPARATORS = "-"


def _document(separators: str) -> str:
    # An E'' literal: the backslash is escaped; none of the separators is a quote.
    chars = separators.replace("\\", "\\\\")
    spaces = " " * len(separators)
    return " || ".join(
        f"setweight(to_tsvector('simple', translate({column}, E'{chars}', '{spaces}')), '{weight}')"
        for column, weight in (("title", "A"), ("body", "C"))
    )


def _recreate(separators: str) -> None:
    op.execute("DROP INDEX IF EXISTS ix_text_search_document")
    op.execute("ALTER TABLE text_search DROP COLUMN document")
    op.execute(
        "ALTER TABLE text_search ADD COLUMN document tsvector "
        f"GENERATED ALWAYS AS ({_document(separators)}) STORED"
    )
    op.execute("CREATE INDEX ix_text_search_document ON text_search USING gin (document)")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _recreate(_SEPARATORS)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _recreate(_OLD_SEPARATORS)
