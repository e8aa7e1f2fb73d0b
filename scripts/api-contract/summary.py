"""Prints the counts of a schemathesis JSON run report (scripts/api-contract.sh) and fails when
the run found anything or generated fewer requests than asked."""

import json
import sys
from collections import defaultdict

report = json.load(open(sys.argv[1]))
min_requests = int(sys.argv[2])
cases = report["test_cases"]
ops = report["operations"]
phases = ", ".join(f"{name} {p['status']}" for name, p in report["phases"].items())
print(f"contract: {cases['generated']} generated requests, {ops['tested']}/{ops['total']} operations "
      f"tested, {cases['unique_failures']} unique failures, {len(report['errors'])} errors "
      f"({phases}; {report['running_time']:.0f} s)")
by_operation = defaultdict(list)
for failure in report["failures"]:
    print(f"  {failure['code']} {failure['title']}: {failure['count']}")
    for op in failure["operations"]:
        by_operation[op].append(failure["code"])
for op in sorted(by_operation):
    print(f"  {op}: {', '.join(by_operation[op])}")
for error in report["errors"]:
    print(f"  error: {json.dumps(error)[:300]}")
ok = True
if cases["generated"] < min_requests:
    print(f"contract: fewer than {min_requests} requests: raise CONTRACT_MAX_EXAMPLES")
    ok = False
if cases["unique_failures"] or report["errors"] or ops["tested"] < ops["total"]:
    ok = False
sys.exit(0 if ok else 1)
