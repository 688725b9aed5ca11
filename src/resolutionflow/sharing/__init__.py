"""Share links of sessions: account-only and public (read-only, redacted)."""
