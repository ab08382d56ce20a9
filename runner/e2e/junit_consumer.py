#!/usr/bin/python3
"""Reads parity's reports with a real JUnit consumer, Debian's python3-junitparser.

  junit_consumer.py totals PARITY SUITE OUT
      Runs `PARITY run` on the five-outcome suite, then checks that the one console summary,
      the JUnit totals (as junitparser reads them) and the JSON totals are the same numbers.
  junit_consumer.py merge PARITY OUT
      Runs two profiles into OUT, merges their JUnit files with `junitparser merge` (what a CI
      job that collects several runs does) and checks that every suite of each profile stays a
      suite of its own, with its own properties.

Exits 77 (ctest: skipped) when junitparser is missing, unless CI is set.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import junitparser
except ImportError:
    if os.environ.get("CI"):
        sys.exit("python3-junitparser is missing (runner/scripts/setup-debian.sh installs it)")
    print("SKIPPED: python3-junitparser is not installed")
    sys.exit(77)

SUMMARY = re.compile(
    r"^parity: profile (\S+) — (\d+) cases?: (\d+) passed, (\d+) warned, (\d+) failed, "
    r"(\d+) errored, (\d+) skipped", re.M)


def fail(message):
    sys.exit("FAIL: " + message)


def run(command):
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    print(done.stdout + done.stderr)
    return done


def junit_totals(path):
    """passed, warned, failed, errored, skipped and total of a JUnit file, as junitparser sees
    them (a warned case passes, with WARNING at the start of its system-out)."""
    xml = junitparser.JUnitXml.fromfile(path)
    counts = dict(passed=0, warned=0, failed=0, errored=0, skipped=0, total=0)
    for suite in xml:
        for case in suite:
            counts["total"] += 1
            kinds = [type(result).__name__ for result in case.result]
            if "Failure" in kinds:
                counts["failed"] += 1
            elif "Error" in kinds:
                counts["errored"] += 1
            elif "Skipped" in kinds:
                counts["skipped"] += 1
            elif (case.system_out or "").startswith("WARNING"):
                counts["warned"] += 1
            else:
                counts["passed"] += 1
    # The attributes of the root and of each suite say the same.
    xml.update_statistics()
    if xml.tests != counts["total"] or xml.failures != counts["failed"] or \
            xml.errors != counts["errored"]:
        fail(f"{path}: root attributes {xml.tests}/{xml.failures}/{xml.errors} do not match "
             f"its testcases {counts}")
    if sum(suite.skipped for suite in xml) != counts["skipped"]:
        fail(f"{path}: the suites' skipped attributes do not add up to {counts['skipped']}")
    return counts


def totals(parity, suite, out):
    done = run([parity, "run", "--suites", suite, "--max-wait", "1", "--variable",
                "expected_status=201", "--out", out, "--no-color"])
    if done.returncode != 3:
        fail(f"exit code {done.returncode}, expected 3 (a case errored)")
    summaries = SUMMARY.findall(done.stdout)
    if len(summaries) != 1:
        fail(f"expected exactly one summary line, found {len(summaries)}")
    profile, total, *five = summaries[0]
    console = dict(zip(["passed", "warned", "failed", "errored", "skipped"], map(int, five)))
    console["total"] = int(total)
    with open(os.path.join(out, profile + ".json"), encoding="utf-8") as file:
        from_json = json.load(file)["totals"]
    from_junit = junit_totals(os.path.join(out, profile + ".junit.xml"))
    expected = dict(passed=2, warned=1, failed=1, errored=1, skipped=1, total=6)
    for name, counts in [("console", console), ("JSON", from_json), ("JUnit", from_junit)]:
        if counts != expected:
            fail(f"{name} totals {counts}, expected {expected}")
    print(f"console, JSON and JUnit (junitparser) agree: {expected}")


def merge(parity, out):
    source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    profiles = [os.path.join(source, "profiles", name + ".yaml")
                for name in ("reference", "reference-state8")]
    done = run([parity, "run", "--profile", profiles[0], "--profile", profiles[1],
                "--filter", "par.core/*", "--filter", "par.state/*", "--out", out,
                "--no-color"])
    if done.returncode != 0:
        fail(f"exit code {done.returncode}, expected 0")
    files = [os.path.join(out, name + ".junit.xml") for name in ("reference", "reference-state8")]
    merged = os.path.join(out, "merged.junit.xml")
    if run([sys.executable, "-m", "junitparser", "merge", *files, merged]).returncode != 0:
        fail("junitparser merge failed")
    names = {}
    for suite in junitparser.JUnitXml.fromfile(merged):
        if suite.name in names:
            fail(f"two suites are named {suite.name}: a viewer would merge them into one")
        profile = {prop.name: prop.value for prop in suite.properties()}.get("profile")
        if not suite.name.startswith(profile + "."):
            fail(f"suite {suite.name} carries the properties of profile {profile}")
        if not suite.timestamp or not suite.hostname:
            fail(f"suite {suite.name} lacks its timestamp or hostname")
        names[suite.name] = profile
    by_profile = sorted(set(names.values()))
    if by_profile != ["reference", "reference-state8"]:
        fail(f"merged suites belong to {by_profile}")
    print(f"merged {len(names)} suites of 2 profiles, each its own: {sorted(names)}")


def main():
    if len(sys.argv) >= 5 and sys.argv[1] == "totals":
        totals(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) >= 4 and sys.argv[1] == "merge":
        merge(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
