#!/usr/bin/env python3
"""Prints, after `dotnet test`, one line per test project and every failed test with its message.

The console log of a whole run is long (host logs, every passed test); CI shows its tail. This summary
is printed last, so the tail says which project and which test failed and why, or that a project left
no results at all (its test process crashed or was never run).
Usage: test-summary.py ROOT  (reads ROOT/tests/*/TestResults/*.trx)
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(root: str) -> int:
    projects = sorted(
        os.path.basename(os.path.dirname(p))
        for p in glob.glob(os.path.join(root, "tests", "*", "*.Tests.csproj"))
    )
    failures = []
    print("\n==== Test summary ====")
    missing = 0
    for project in projects:
        files = sorted(glob.glob(os.path.join(root, "tests", project, "TestResults", "*.trx")))
        if not files:
            print(f"  {project}: NO RESULTS (the test run did not finish)")
            missing += 1
            continue
        tree = ET.parse(files[-1])
        counters = tree.find(".//t:ResultSummary/t:Counters", NS)
        total = int(counters.get("total", 0)) if counters is not None else 0
        passed = int(counters.get("passed", 0)) if counters is not None else 0
        failed = int(counters.get("failed", 0)) if counters is not None else 0
        print(f"  {project}: {passed}/{total} passed" + (f", {failed} FAILED" if failed else ""))
        for result in tree.iterfind(".//t:UnitTestResult", NS):
            if result.get("outcome") != "Failed":
                continue
            message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=NS).strip()
            stack = result.findtext(".//t:ErrorInfo/t:StackTrace", default="", namespaces=NS).strip()
            failures.append((project, result.get("testName"), result.get("duration"), message, stack))
    for project, name, duration, message, stack in failures:
        print(f"\n---- FAILED {project}: {name} ({duration})")
        print(message[:4000])
        print("\n".join(stack.splitlines()[:12]))
    if not failures and not missing:
        print("  all passed")
    return 1 if failures or missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
