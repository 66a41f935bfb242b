#!/usr/bin/python3
"""Validates the generator against the public torch 2.13 golden files: every public torch_optim.json case (NAdam
excepted) is re-run through the generator's torch 1.13 pipeline, emulations included, and compared with the
public trajectory, losses, LBFGS trace and final state (with the case's tolerances); the generator's 2.x option
resolution must reproduce each public param_groups entry. Usage:

    /usr/bin/python3 tools/golden-variants/check_against_public.py [/work/shared/golden]
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

import optim_cases  # noqa: E402
from golden_common import flat_numbers, needed_rtol  # noqa: E402


def decode(t):
    return torch.tensor(t["data"], dtype=torch.float64).reshape(t["shape"])


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/golden"
    doc = json.load(open(os.path.join(root, "torch_optim.json")))
    bad = 0
    checked = 0
    for case in doc["cases"]:
        alg = case["algorithm"]
        if alg == "NAdam":
            continue
        checked += 1
        problem = {"A": [decode(a) for a in case["problem"]["A"]], "b": [decode(b) for b in case["problem"]["b"]],
                   "c": case["problem"]["c"]}
        params0 = [decode(p) for p in case["params0"]]
        out = optim_cases.run(case, params0, problem)
        problems = []
        tol = case["tolerance"]
        for field in ("trajectory", "losses"):
            r = needed_rtol(flat_numbers(out[field]), flat_numbers(case[field]), tol[field]["atol"])
            if r > tol[field]["rtol"]:
                problems.append("%s needs rtol %.3g" % (field, r))
        if tol["final_state"] is not None:
            want = case["final_state"]["state"]
            got = out["final_state"]["state"]
            for i, (w, g) in enumerate(zip(want, got)):
                if set(w) != set(g):
                    problems.append("state[%d] keys %s != %s" % (i, sorted(g), sorted(w)))
                    continue
                r = needed_rtol(flat_numbers(g), flat_numbers(w), tol["final_state"]["atol"])
                if r > tol["final_state"]["rtol"]:
                    problems.append("state[%d] needs rtol %.3g" % (i, r))
        for i, (w, g) in enumerate(zip(case["final_state"]["param_groups"], out["final_state"]["param_groups"])):
            if w != g:
                problems.append("param_groups[%d]: %s != public %s" % (i, g, w))
        if "lbfgs_trace" in case and case["lbfgs_trace"] != out["lbfgs_trace"]:
            problems.append("lbfgs_trace %s != %s" % (out["lbfgs_trace"], case["lbfgs_trace"]))
        if problems:
            bad += 1
            print("%s: %s" % (case["id"], "; ".join(problems)))
    print("%d public cases re-run with torch %s, %d differ" % (checked, torch.__version__, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
