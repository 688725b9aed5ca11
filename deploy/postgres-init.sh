#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is first initialised (docker-entrypoint-initdb.d), as the
# superuser: the two roles of docs/operations.md "Two database roles". rf_owner owns the schema
# and runs migrations; rf_app is what the app connects as, a plain role under row-level security.
set -euo pipefail
: "${RF_OWNER_PASSWORD:?set RF_OWNER_PASSWORD}"
: "${RF_APP_PASSWORD:?set RF_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$RF_OWNER_PASSWORD" -v app_password="$RF_APP_PASSWORD" <<'SQL'
CREATE ROLE rf_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE rf_app LOGIN PASSWORD :'app_password' NOSUPERUSER NOBYPASSRLS;
CREATE DATABASE resolutionflow OWNER rf_owner;
SQL
