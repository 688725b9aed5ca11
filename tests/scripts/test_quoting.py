"""Quoting against hostile values in every language: the value comes out as itself, byte for
byte, and nothing it says runs. Bash and Python scripts are executed for real; PowerShell and
cmd (not on this machine) are checked against their tokenisers' quoting rules."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from resolutionflow.scripts import quoting, template
from resolutionflow.scripts.quoting import BadValue, Param

HOSTILE = [
    "'; Remove-Item -Recurse C:\\ #",
    "$(rm -rf /)",
    "`touch CANARY`",
    "a\nb",
    "line one\ntouch CANARY\n",
    "it's \"quoted\" 'twice'",
    "%PATH%",
    "^ & | < > ( )",
    "${HOME} $HOME $env:USERPROFILE",
    "\\' \\\\ \\",
    "\u2018smart\u2019 \u201aquotes\u201b '",
    "!bang! \x1b[31m",
    "",
    "; touch CANARY; echo ",
    "' + __import__('os').system('touch CANARY') + '",
]


def _run(args: list[str], cwd: Path) -> bytes:
    done = subprocess.run(args, cwd=cwd, capture_output=True, check=True, timeout=20)
    return done.stdout


@pytest.mark.parametrize("value", HOSTILE)
def test_bash_prints_the_value_byte_for_byte_and_runs_nothing(value: str, tmp_path: Path) -> None:
    bash = shutil.which("bash")
    assert bash, "bash is part of the base system"
    script, _, problems = template.render(
        "bash", "printf '%s' {{v}}", [Param("v", "string")], {"v": value}
    )
    assert not problems
    (tmp_path / "s.sh").write_text(script)
    assert _run([bash, "s.sh"], tmp_path) == value.encode()
    assert list(tmp_path.iterdir()) == [tmp_path / "s.sh"], "no canary file was created"


@pytest.mark.parametrize("value", HOSTILE)
def test_python_prints_the_value_byte_for_byte_and_runs_nothing(value: str, tmp_path: Path) -> None:
    python = shutil.which("python3")
    assert python
    body = "import sys\nsys.stdout.buffer.write({{v}}.encode())\n"
    script, _, problems = template.render("python", body, [Param("v", "string")], {"v": value})
    assert not problems
    (tmp_path / "s.py").write_text(script)
    assert _run([python, "s.py"], tmp_path) == value.encode()
    assert list(tmp_path.iterdir()) == [tmp_path / "s.py"]


def _powershell_single_quoted(text: str) -> tuple[str, str]:
    """PowerShell's tokeniser on a single-quoted string at the start of `text`: (the string's
    value, what follows it). Any of the ASCII quote and U+2018..U+201B opens or closes one; two
    in a row are one quote."""
    quotes = "'\u2018\u2019\u201a\u201b"
    assert text[0] in quotes
    out, i = [], 1
    while i < len(text):
        c = text[i]
        if c in quotes:
            if i + 1 < len(text) and text[i + 1] in quotes:
                out.append(c)
                i += 2
                continue
            return "".join(out), text[i + 1 :]
        out.append(c)
        i += 1
    raise AssertionError("unterminated string")


@pytest.mark.parametrize("value", HOSTILE)
def test_powershell_value_stays_inside_one_verbatim_string(value: str) -> None:
    script, _, problems = template.render(
        "powershell", "Write-Output {{v}} # end", [Param("v", "string")], {"v": value}
    )
    assert not problems
    assert script.startswith("Write-Output ")
    inner, rest = _powershell_single_quoted(script[len("Write-Output ") :])
    assert rest == " # end", "nothing after the value's string but the template's own text"
    # Doubled quote characters collapse to the first of the pair: typographic ones stay as
    # typed, because each was doubled with itself.
    assert inner == value


@pytest.mark.skipif(not shutil.which("pwsh"), reason="PowerShell is not installed here")
@pytest.mark.parametrize("value", HOSTILE)
def test_powershell_prints_the_value(value: str, tmp_path: Path) -> None:  # pragma: no cover
    script, _, _ = template.render(
        "powershell", "[Console]::Out.Write({{v}})", [Param("v", "string")], {"v": value}
    )
    (tmp_path / "s.ps1").write_text(script)
    out = _run(["pwsh", "-NoProfile", "-File", "s.ps1"], tmp_path)
    assert out.decode() == value


@pytest.mark.parametrize("value", HOSTILE)
def test_cmd_quotes_what_it_can_and_refuses_the_rest_by_name(value: str) -> None:
    params = [Param("v", "string")]
    script, _, problems = template.render("cmd", "echo {{v}}", params, {"v": value})
    unsafe = set('"%!\r\n') | {chr(c) for c in range(32)} | {"\x7f"}
    if any(c in unsafe for c in value):
        assert script == "" and set(problems) == {"v"}
        assert "cmd cannot quote" in problems["v"]
        return
    assert not problems
    assert script == f'echo "{value}"'
    # Inside cmd's double quotes the metacharacters are literal; only " would end them, and
    # % or ! would still expand: none of them is in the quoted part.
    quoted = script[len("echo ") :]
    assert quoted[0] == quoted[-1] == '"' and not set(quoted[1:-1]) & unsafe


@pytest.mark.parametrize("language", ["powershell", "bash", "cmd"])
def test_shells_refuse_nul(language: str) -> None:
    with pytest.raises(BadValue):
        quoting.quote(language, "a\x00b")


@pytest.mark.parametrize(
    ("param", "raw", "expected"),
    [
        (Param("n", "int"), "42", 42),
        (Param("n", "int"), -3, -3),
        (Param("b", "bool"), "yes", True),
        (Param("b", "bool"), False, False),
        (Param("h", "hostname"), "srv-01.corp.example", "srv-01.corp.example"),
        (Param("h", "hostname"), "10.0.0.5", "10.0.0.5"),
        (Param("c", "choice", choices=("a", "b")), "b", "b"),
        (Param("p", "path"), "C:\\Program Files\\App", "C:\\Program Files\\App"),
        (Param("s", "string", pattern=r"[A-Z]{3}\d+"), "ABC12", "ABC12"),
    ],
)
def test_typed_values_are_accepted(param: Param, raw: quoting.Value, expected: object) -> None:
    assert quoting.check(param, raw) == expected


@pytest.mark.parametrize(
    ("param", "raw"),
    [
        (Param("n", "int"), "4; rm -rf /"),
        (Param("n", "int"), True),
        (Param("b", "bool"), "maybe"),
        (Param("h", "hostname"), "srv01; whoami"),
        (Param("h", "hostname"), "-leading.example"),
        (Param("h", "hostname"), "a" * 64 + ".example"),
        (Param("c", "choice", choices=("a", "b")), "c"),
        (Param("p", "path"), "C:\\x\nmalicious"),
        (Param("s", "string", pattern=r"[A-Z]{3}\d+"), "ABC12; x"),
    ],
)
def test_bad_typed_values_are_refused(param: Param, raw: quoting.Value) -> None:
    with pytest.raises(BadValue):
        quoting.check(param, raw)


def test_int_and_bool_render_as_the_languages_literals() -> None:
    params = [Param("n", "int"), Param("b", "bool")]
    got = {
        lang: template.render(lang, "{{n}} {{b}}", params, {"n": "7", "b": "true"})[0]
        for lang in ("powershell", "bash", "cmd", "python")
    }
    assert got == {
        "powershell": "7 $true",
        "bash": "7 true",
        "cmd": "7 true",
        "python": "7 True",
    }
