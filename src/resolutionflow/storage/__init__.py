"""Where uploaded files live, behind a small interface (local disk under the data dir by default)."""
