#!/usr/bin/python3
"""Local diagnostic only; its output is never committed as golden data.

torch 1.13's NAdam differs from 2.x in one line (mu_product_next = mu_product * mu * mu_next; 2.x drops the
extra mu), so no NAdam variants are generated. This script patches that one line of 1.13's
_single_tensor_nadam, checks that the patched torch reproduces the 7 public 2.13 NAdam cases (maximize and
decoupled_weight_decay emulated as for RAdam), and then writes out/nadam_local_check.json with N random NAdam
cases for the Java suite:

    /usr/bin/python3 tools/golden-variants/nadam_local_check.py [N]
    java -jar examples/target/metagrad-examples-*-all.jar conformance tools/golden-variants/out/nadam_local_check.json
"""
import inspect
import json
import os
import random
import sys
import textwrap

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402
import torch.optim.nadam as nadam_module  # noqa: E402

import optim_cases  # noqa: E402
from golden_common import GENERATOR, dump, flat_numbers, needed_rtol  # noqa: E402

OLD = "mu_product_next = mu_product * mu * mu_next"
NEW = "mu_product_next = mu_product * mu_next"


def patch():
    src = textwrap.dedent(inspect.getsource(nadam_module._single_tensor_nadam))
    assert OLD in src, "unexpected torch source"
    ns = {}
    exec(compile(src.replace(OLD, NEW), "patched_nadam", "exec"), nadam_module.__dict__, ns)
    nadam_module._single_tensor_nadam = ns["_single_tensor_nadam"]


def emulate():
    """NAdam maximize and decoupled_weight_decay the way the generator emulates them for RAdam."""
    init = optim_cases.Emulation.__init__

    def patched(self, algorithm, resolved):
        init(self, "RAdam" if algorithm == "NAdam" else algorithm, resolved)

    optim_cases.Emulation.__init__ = patched
    optim_cases.DEFAULTS_2X["NAdam"] = [
        ("lr", 2e-3), ("betas", [0.9, 0.999]), ("eps", 1e-8), ("weight_decay", 0), ("momentum_decay", 4e-3),
        ("decoupled_weight_decay", False), ("maximize", False), ("foreach", None), ("capturable", False),
        ("differentiable", False)]


def decode(t):
    return torch.tensor(t["data"], dtype=torch.float64).reshape(t["shape"])


def main():
    patch()
    emulate()
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    public = json.load(open("/work/shared/golden/torch_optim.json"))
    for case in public["cases"]:
        if case["algorithm"] != "NAdam":
            continue
        problem = {"A": [decode(a) for a in case["problem"]["A"]], "b": [decode(b) for b in case["problem"]["b"]],
                   "c": case["problem"]["c"]}
        out = optim_cases.run(case, [decode(p) for p in case["params0"]], problem)
        r = needed_rtol(flat_numbers(out["trajectory"]), flat_numbers(case["trajectory"]), 1e-11)
        print("%s: patched 1.13 needs rtol %.2g against the public 2.13 trajectory" % (case["id"], r))
        assert r <= case["tolerance"]["trajectory"]["rtol"]
    rng = random.Random(5)
    cases = []
    for k in range(n):
        opts = {}
        dom = {"lr": [0.01, 0.05], "betas": [[0.9, 0.999], [0.8, 0.95]], "eps": [1e-8, 1e-3],
               "weight_decay": [0.0, 0.1], "momentum_decay": [0.004, 0.05], "decoupled_weight_decay": [False, True],
               "maximize": [False, True]}
        for key, vals in dom.items():
            if rng.random() < 0.5:
                opts[key] = rng.choice(vals)
        groups = [{"params": [0]}, {"params": [1, 2]}]
        for g in groups:
            for key, vals in dom.items():
                if rng.random() < 0.25:
                    g[key] = rng.choice(vals)
        maximize = any(optim_cases.resolve_group("NAdam", opts, {a: b for a, b in g.items() if a != "params"})["maximize"]
                       for g in groups)
        case, why = optim_cases.make_case("nadam_check_%d" % k, "NAdam", opts, groups, [[3], [], [2, 2]], 10,
                                          rng.randrange(1 << 30), 0.0 if maximize else 0.05)
        if case is not None:
            cases.append(case)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
    os.makedirs(out, exist_ok=True)
    dump(os.path.join(out, "nadam_local_check.json"), {
        "suite": "torch-optim", "dtype": "float64", "generator": GENERATOR + " with 2.x's NAdam line patched in",
        "variant": "local-check", "cases": cases})
    print("%d NAdam cases" % len(cases))


if __name__ == "__main__":
    main()
