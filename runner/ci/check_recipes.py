#!/usr/bin/python3
"""Checks the CI recipes of runner/ci (README.md, "Running parity in CI"):

  check_recipes.py PARITY RECIPE...

Each recipe must parse as YAML; every command it runs must exist: a repository path it names
(runner/…, profiles/…) is a file of the repository, `build/parity SUBCOMMAND` is a subcommand and
each of its --options is listed in `parity SUBCOMMAND --help`. Each recipe must publish the JUnit
results and keep the reports as artifacts; a matrix recipe must join its runs with
`parity compare --results`. Python's yaml module is Debian's python3-yaml.
"""
import os
import re
import shlex
import subprocess
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROBLEMS = []


def problem(recipe, message):
    PROBLEMS.append(f"{os.path.relpath(recipe, ROOT)}: {message}")


def commands_of(node):
    """Every shell line of a GitHub Actions `run` or a GitLab `script`, anywhere in `node`."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                yield from value.splitlines() if "\n" in value.strip() else [value]
            elif key in ("script", "before_script", "after_script") and isinstance(value, list):
                yield from (line for line in value if isinstance(line, str))
            else:
                yield from commands_of(value)
    elif isinstance(node, list):
        for item in node:
            yield from commands_of(item)


def matrix_values(node, found=None):
    """name → first value of every matrix (GitHub strategy.matrix, GitLab parallel.matrix)."""
    found = {} if found is None else found
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "matrix" and isinstance(value, dict):
                found.update({k: v[0] for k, v in value.items() if isinstance(v, list) and v})
            elif key == "matrix" and isinstance(value, list):
                for entry in value:
                    found.update({k: v[0] for k, v in entry.items() if isinstance(v, list) and v})
            elif key == "variables" and isinstance(value, dict):
                found.update({k: str(v) for k, v in value.items()})
            elif key == "env" and isinstance(value, dict):
                found.update({k: str(v) for k, v in value.items() if "${{" not in str(v)})
            matrix_values(value, found)
    elif isinstance(node, list):
        for item in node:
            matrix_values(item, found)
    return found


def expand(line, values):
    line = re.sub(r"\$\{\{\s*matrix\.(\w+)\s*\}\}", lambda m: values.get(m.group(1), "x"), line)
    return re.sub(r"\$\{?(\w+)\}?", lambda m: values.get(m.group(1), m.group(0)), line)


def help_of(parity, command, cache={}):
    if command not in cache:
        done = subprocess.run([parity, command, "--help"], capture_output=True, text=True,
                              check=False)
        # A subcommand's help names it in its usage line; an unknown word gets the main help.
        known = done.returncode == 0 and re.search(r"Usage: \S*parity " + re.escape(command) +
                                                   r"\b", done.stdout)
        cache[command] = done.stdout if known else None
    return cache[command]


def check_command(recipe, parity, line):
    try:
        words = shlex.split(line, comments=True)
    except ValueError as error:
        problem(recipe, f"cannot parse the shell line {line!r}: {error}")
        return
    for word in words:
        if re.match(r"^(runner|profiles|fixtures|suites)/", word) and "*" not in word:
            if not os.path.exists(os.path.join(ROOT, word)):
                problem(recipe, f"{word} does not exist in the repository")
    for at, word in enumerate(words):
        if word != "build/parity":
            continue
        command = words[at + 1] if at + 1 < len(words) else ""
        text = help_of(parity, command)
        if text is None:
            problem(recipe, f"parity has no subcommand {command!r}")
            continue
        for option in words[at + 2:]:
            if option in ("&&", "||", ";", "|"):
                break
            if option.startswith("--") and not re.search(r"(^|[ ,])" + re.escape(option) +
                                                         r"\b", text):
                problem(recipe, f"parity {command} has no option {option}")


def check_recipe(recipe, parity):
    with open(recipe, encoding="utf-8") as file:
        try:
            document = yaml.safe_load(file)
        except yaml.YAMLError as error:
            problem(recipe, f"not YAML: {error}")
            return
    if not isinstance(document, dict):
        problem(recipe, "not a YAML mapping")
        return
    values = matrix_values(document)
    lines = [expand(line, values) for line in commands_of(document)]
    if not any("build/parity run" in line for line in lines):
        problem(recipe, "runs no `build/parity run`")
    for line in lines:
        check_command(recipe, parity, line)
    text = yaml.safe_dump(document)
    if "junit" not in text or ".junit.xml" not in text:
        problem(recipe, "does not publish the JUnit results")
    if "upload-artifact" not in text and "artifacts" not in text:
        problem(recipe, "keeps no artifact")
    if "--report html" not in " ".join(lines):
        problem(recipe, "does not write the HTML report")
    joined = " ".join(lines)
    if "matrix" in text and not ("build/parity compare" in joined and "--results" in joined):
        problem(recipe, "a matrix recipe must join its runs with `parity compare --results`")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    parity, recipes = sys.argv[1], sys.argv[2:]
    for recipe in recipes:
        check_recipe(recipe, parity)
    for line in PROBLEMS:
        print("FAIL: " + line)
    if PROBLEMS:
        sys.exit(1)
    print(f"{len(recipes)} CI recipes parse, and every command they run exists")


if __name__ == "__main__":
    main()
