"""Records of session content leaving ResolutionFlow: a redaction report per outbound send (the
kinds and counts of what was redacted, never the values), listed per session."""
