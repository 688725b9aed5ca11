"""The AI platform every AI feature stands on: which engine and model serve an action (routing),
the account's AI settings, the one gateway every model call goes through (redaction, prompt
hygiene, timeouts, retries, fallback to the offline engine, budgets), and the usage record."""
