"""Ticket documentation: the note a session's timeline writes, in Markdown, plain text and HTML."""
