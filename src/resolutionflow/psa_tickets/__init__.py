"""PSA tickets from the app: the ticket queue, quick-create (with triage) and spin-off."""
