"""The README is a contract: its examples run, its commands exist, its first lines set everything up."""

from __future__ import annotations

import doctest
import json
import subprocess
import sys

from click.testing import CliRunner

from factcheck.cli import main

from .conftest import ARTICLE, ROOT, needs_shared

README = ROOT / "README.md"


def test_readme_examples_run() -> None:
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_readme_starts_with_the_two_commands() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```sh") + 1 : lines.index("```sh") + 5]
    assert block[0] == "# run the main job on the shipped example"
    assert "factcheck check" in block[1] and "examples/" in block[1]
    assert block[2] == "# run the tests"
    assert block[3].endswith("pytest")
    example = block[1].split("examples/")[1].split()[0]
    assert (ROOT / "examples" / example).is_file()


def test_every_command_is_documented() -> None:
    readme = README.read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"factcheck {name}" in readme, name
        assert command.help, name


def test_shell_example_output_is_what_the_tool_prints() -> None:
    readme = README.read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("$ echo "))
    shown = readme.splitlines()[readme.splitlines().index(line) + 1]
    text = line.split('"')[1]
    result = CliRunner().invoke(main, ["mine", "-"], input=(text + "\n").encode())
    assert json.loads(result.stdout) == json.loads(shown)


def test_python_dash_m_works() -> None:
    result = subprocess.run([sys.executable, "-m", "factcheck", "--help"], capture_output=True, check=True)
    assert b"mine" in result.stdout


@needs_shared
def test_readme_claims_table_is_what_the_tool_prints() -> None:
    readme = README.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(readme) if line.startswith("id  kind"))
    end = start + next(i for i, line in enumerate(readme[start:]) if line.startswith("```"))
    result = CliRunner().invoke(main, ["mine", "--claims", "--format", "table", "--date", "2022-12-30", str(ARTICLE)])
    assert result.stdout.splitlines() == readme[start:end]


@needs_shared
def test_readme_check_table_is_what_the_tool_prints(tmp_path) -> None:
    readme = README.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(readme) if line.startswith("claim  where"))
    end = start + next(i for i, line in enumerate(readme[start:]) if line.startswith("```"))
    args = ["check", "--date", "2022-12-30", "--out", str(tmp_path), str(ARTICLE)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1  # a claim is contradicted
    # the first line names the file as given; the README gives it relative to the project
    assert result.stdout.splitlines()[1:] == readme[start:end]
    stem = ARTICLE.name[:-4]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{stem}.html", f"{stem}.json", f"{stem}.md"]
