#!/usr/bin/env python3
"""Prints what each test wrote to its output (the scenario counts: orders, traces, events), from the trx files.

The console logger shows a test's own output only when it fails; the counts of the passing scenarios are the
point of reading a run, so run-tests.sh prints them from the trx files afterwards.
Usage: print-test-output.py RESULTS_DIR [TRX_NAME_SUBSTRING ...]
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main() -> int:
    results = pathlib.Path(sys.argv[1])
    wanted = sys.argv[2:]
    for trx in sorted(results.glob("*.trx")):
        if wanted and not any(w in trx.name for w in wanted):
            continue
        for result in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", NS):
            out = result.findtext("t:Output/t:StdOut", default="", namespaces=NS).strip()
            if out:
                name = result.get("testName", "?").rsplit(".", 1)[-1]
                print(f"--- {name} ({result.get('outcome')})")
                for line in out.splitlines():
                    print(f"    {line[:400]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
