#!/usr/bin/python3
"""Random option combinations for a broad local search (not committed data): writes
out/fuzz_torch_optim.json and out/fuzz_lr_schedulers.json with N random cases each, in the same schema.

    /usr/bin/python3 tools/golden-variants/fuzz.py [N] [--seed S]
    java -jar examples/target/metagrad-examples-*-all.jar conformance tools/golden-variants/out/fuzz_*.json
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import optim_cases  # noqa: E402
import scheduler_cases as sc  # noqa: E402
from golden_common import GENERATOR, PROVENANCE, dump  # noqa: E402

STEPS = 8
SHAPES = [[], [1], [3], [2, 2], [2, 3], [4, 1], [1, 3], [5]]


def pick(rng, choices):
    return rng.choice(choices)


def num(rng, choices):
    """A value, sometimes as an integer when it is integral (torch keeps Python's type)."""
    v = rng.choice(choices)
    if isinstance(v, float) and v == int(v) and rng.random() < 0.5:
        return int(v)
    return v


DOMAINS = {
    "SGD": {"lr": [0.01, 0.05, 0.1], "momentum": [0.0, 0.5, 0.9], "dampening": [0.0, 0.2, 0.6],
            "weight_decay": [0.0, 0.05, 0.2], "nesterov": [False, True], "maximize": [False, True]},
    "Adam": {"lr": [0.01, 0.05, 0.1], "betas": [[0.9, 0.999], [0.8, 0.99], [0.0, 0.9], [0.95, 0.9]],
             "eps": [1e-8, 1e-4, 0.01], "weight_decay": [0.0, 0.1, 0.3], "amsgrad": [False, True],
             "maximize": [False, True], "decoupled_weight_decay": [False, True]},
    "AdamW": {"lr": [0.01, 0.05, 0.1], "betas": [[0.9, 0.999], [0.8, 0.99]], "eps": [1e-8, 1e-3],
              "weight_decay": [0.0, 0.01, 0.2], "amsgrad": [False, True], "maximize": [False, True]},
    "Adamax": {"lr": [0.01, 0.05, 0.1], "betas": [[0.9, 0.999], [0.5, 0.9]], "eps": [1e-8, 0.1],
               "weight_decay": [0.0, 0.1], "maximize": [False, True]},
    "Adagrad": {"lr": [0.05, 0.1, 0.3], "lr_decay": [0.0, 0.1, 0.5], "eps": [1e-10, 1e-3],
                "weight_decay": [0.0, 0.1], "maximize": [False, True]},
    "Adadelta": {"lr": [0.5, 1.0, 2.0], "rho": [0.5, 0.9, 0.99], "eps": [1e-6, 1e-3], "weight_decay": [0.0, 0.1],
                 "maximize": [False, True]},
    "RMSprop": {"lr": [0.001, 0.01, 0.03], "alpha": [0.5, 0.9, 0.99], "eps": [1e-8, 1e-3], "momentum": [0.0, 0.5, 0.9],
                "centered": [False, True], "weight_decay": [0.0, 0.1], "maximize": [False, True]},
    "RAdam": {"lr": [0.01, 0.05], "betas": [[0.9, 0.999], [0.8, 0.9], [0.5, 0.95]], "eps": [1e-8, 1e-3],
              "weight_decay": [0.0, 0.1, 0.3], "decoupled_weight_decay": [False, True], "maximize": [False, True]},
    "ASGD": {"lr": [0.01, 0.05], "lambd": [1e-4, 0.01, 0.1], "alpha": [0.5, 0.75, 1.0], "t0": [0.0, 1.0, 3.0, 1e6],
             "weight_decay": [0.0, 0.1], "maximize": [False, True]},
    "Rprop": {"lr": [0.001, 0.01, 0.1, 0.5], "etas": [[0.5, 1.2], [0.3, 1.5], [0.7, 1.05]],
              "step_sizes": [[1e-6, 50.0], [0.01, 0.2], [0.005, 1.0]], "maximize": [False, True]},
}


def random_optim_case(rng, k, only=None):
    alg = rng.choice(only or (list(DOMAINS) + ["LBFGS", "LBFGS"]))
    nparams = rng.randint(1, 3)
    shapes = [rng.choice(SHAPES) for _ in range(nparams)]
    if alg == "LBFGS":
        opts = {"lr": num(rng, [0.05, 0.3, 1.0, 1.0]), "max_iter": rng.randint(1, 8)}
        if rng.random() < 0.4:
            opts["max_eval"] = rng.randint(opts["max_iter"], 3 * opts["max_iter"] + 2)
        if rng.random() < 0.5:
            opts["history_size"] = rng.randint(1, 6)
        if rng.random() < 0.3:
            opts["tolerance_grad"] = rng.choice([1e-5, 1e-3, 1e-2])
        if rng.random() < 0.3:
            opts["tolerance_change"] = rng.choice([1e-12, 1e-5, 1e-3])
        if rng.random() < 0.6:
            opts["line_search_fn"] = "strong_wolfe"
        groups = [{"params": list(range(nparams))}]
        return ("fuzz_%d" % k, alg, opts, groups, shapes, rng.randint(1, 6), rng.choice([0.1, 0.3, 0.6]), None, False)
    dom = DOMAINS[alg]
    opts = {}
    for key, vals in dom.items():
        if rng.random() < 0.5:
            opts[key] = num(rng, vals)
    idx = list(range(nparams))
    rng.shuffle(idx)
    ngroups = rng.randint(1, nparams)
    cuts = sorted(rng.sample(range(1, nparams), ngroups - 1)) if ngroups > 1 else []
    groups = []
    prev = 0
    for cut in cuts + [nparams]:
        g = {"params": idx[prev:cut]}
        for key, vals in dom.items():
            if rng.random() < 0.25:
                g[key] = num(rng, vals)
        groups.append(g)
        prev = cut
    maximize = any(optim_cases.resolve_group(alg, opts, {k: v for k, v in g.items() if k != "params"}).get("maximize")
                   for g in groups)
    # nesterov needs momentum > 0 and dampening 0 in every group
    if alg == "SGD":
        r = optim_cases.resolve_group(alg, opts, {})
        if r["nesterov"] and (r["momentum"] <= 0 or r["dampening"] != 0):
            opts["nesterov"] = False
        for g in groups:
            r = optim_cases.resolve_group(alg, opts, {k: v for k, v in g.items() if k != "params"})
            if r["nesterov"] and (r["momentum"] <= 0 or r["dampening"] != 0):
                g["nesterov"] = False
    return ("fuzz_%d" % k, alg, opts, groups, shapes, STEPS, 0.0 if maximize else 0.05, None, True)


def random_scheduler(rng, depth=0):
    kind = rng.choice(["LambdaLR", "MultiplicativeLR", "StepLR", "MultiStepLR", "ConstantLR", "LinearLR",
                       "ExponentialLR", "PolynomialLR", "CosineAnnealingLR", "CosineAnnealingWarmRestarts"]
                      + (["ChainedScheduler", "SequentialLR"] if depth == 0 else ["CyclicLR", "OneCycleLR"]))
    if kind == "CyclicLR":
        return kind, {"base_lr": rng.choice([0.001, 0.01]), "max_lr": rng.choice([0.05, 0.2]),
                      "step_size_up": rng.randint(1, 5), "mode": rng.choice(["triangular", "triangular2", "exp_range"]),
                      "gamma": 0.95, "cycle_momentum": False}
    if kind == "OneCycleLR":
        return kind, {"max_lr": rng.choice([0.05, 0.2]), "total_steps": 60, "three_phase": rng.random() < 0.5,
                      "cycle_momentum": False}
    lams = [sc.lam("exp", "g**e", gamma=rng.choice([0.9, 0.97, 1.02])),
            sc.lam("inv_linear", "1/(1+k e)", k=rng.choice([0.1, 0.5])),
            sc.lam("warmup_exp", "w", warmup=rng.randint(1, 5), gamma=0.9),
            sc.lam("step_int", "s", every=rng.randint(1, 6), factor=0.7),
            sc.lam("const", "c", value=rng.choice([0.9, 1.05])),
            sc.lam("alternate", "a", even=rng.choice([0.9, 1.0]), odd=rng.choice([1.1, 0.95]))]
    if kind in ("LambdaLR", "MultiplicativeLR"):
        spec = rng.choice(lams) if rng.random() < 0.5 else [rng.choice(lams), rng.choice(lams)]
        return kind, {"lr_lambda": spec}
    if kind == "StepLR":
        return kind, {"step_size": rng.randint(1, 8), "gamma": rng.choice([0.1, 0.5, 0.9])}
    if kind == "MultiStepLR":
        return kind, {"milestones": sorted(rng.sample(range(1, 25), rng.randint(1, 4))), "gamma": rng.choice([0.3, 0.8])}
    if kind == "ConstantLR":
        return kind, {"factor": rng.choice([0.1, 0.5, 0.8]), "total_iters": rng.randint(0, 8)}
    if kind == "LinearLR":
        return kind, {"start_factor": rng.choice([0.1, 0.5, 1.0]), "end_factor": rng.choice([0.2, 1.0]),
                      "total_iters": rng.randint(1, 10)}
    if kind == "ExponentialLR":
        return kind, {"gamma": rng.choice([0.8, 0.95, 1.01])}
    if kind == "PolynomialLR":
        return kind, {"total_iters": rng.randint(1, 15), "power": rng.choice([0.5, 1.0, 2.0])}
    if kind == "CosineAnnealingLR":
        return kind, {"T_max": rng.randint(1, 15), "eta_min": rng.choice([0.0, 0.001])}
    if kind == "CosineAnnealingWarmRestarts":
        return kind, {"T_0": rng.randint(1, 8), "T_mult": rng.randint(1, 3), "eta_min": rng.choice([0.0, 0.001])}
    n = rng.randint(2, 3)
    children = []
    for i in range(n):
        while True:
            name, args = random_scheduler(rng, depth + 1)
            # a MultiplicativeLR entered at a milestone differs between 1.13 and 2.x unless lr_lambda(0) == 1
            if kind == "SequentialLR" and i > 0 and name == "MultiplicativeLR":
                specs = args["lr_lambda"] if isinstance(args["lr_lambda"], list) else [args["lr_lambda"]]
                if any(sc.LAMBDAS[s["kind"]](s)(0) != 1 for s in specs):
                    continue
            break
        children.append({"scheduler": name, "args": args})
    if kind == "ChainedScheduler":
        return kind, {"schedulers": children}
    return kind, {"schedulers": children, "milestones": sorted(rng.sample(range(1, 25), n - 1))}


def random_scheduler_case(rng, k):
    r = rng.random()
    if r < 0.15:
        args = {"base_lr": rng.choice([0.001, [0.001, 0.01]]), "max_lr": rng.choice([0.1, [0.05, 0.2]]),
                "step_size_up": rng.randint(1, 6), "mode": rng.choice(["triangular", "triangular2", "exp_range"])}
        if rng.random() < 0.5:
            args["step_size_down"] = rng.randint(1, 6)
        if args["mode"] == "exp_range":
            args["gamma"] = rng.choice([0.9, 0.99])
        if rng.random() < 0.3:
            args["cycle_momentum"] = False
        else:
            args["base_momentum"] = rng.choice([0.8, [0.7, 0.75]])
            args["max_momentum"] = rng.choice([0.9, [0.95, 0.92]])
        opt = sc.adam() if rng.random() < 0.5 else sc.sgd(momentum=0.9)
        return sc.run_case("fuzz_%d" % k, "CyclicLR", args, opt, 30)
    if r < 0.3:
        total = rng.randint(10, 40)
        args = {"max_lr": rng.choice([0.1, [0.1, 0.03]]), "pct_start": rng.choice([0.1, 0.3, 0.5]),
                "anneal_strategy": rng.choice(["cos", "linear"]), "three_phase": rng.random() < 0.4,
                "div_factor": rng.choice([25.0, 4.0]), "final_div_factor": rng.choice([1e4, 10.0])}
        if rng.random() < 0.5:
            args["total_steps"] = total
        else:
            args["epochs"] = rng.randint(2, 5)
            args["steps_per_epoch"] = rng.randint(3, 8)
            total = args["epochs"] * args["steps_per_epoch"]
        if rng.random() < 0.3:
            args["cycle_momentum"] = False
        opt = sc.adam() if rng.random() < 0.5 else sc.sgd(momentum=0.9)
        return sc.run_case("fuzz_%d" % k, "OneCycleLR", args, opt, total - 1)
    if r < 0.4:
        mode = rng.choice(["min", "max"])
        args = {"mode": mode, "threshold_mode": rng.choice(["rel", "abs"]), "factor": rng.choice([0.1, 0.5]),
                "patience": rng.randint(0, 3), "threshold": rng.choice([1e-4, 0.01]), "cooldown": rng.randint(0, 3),
                "min_lr": rng.choice([0, 0.01, [0.01, 0.001]]), "eps": rng.choice([1e-8, 1e-3])}
        for _ in range(200):
            metrics = sc.metrics_walk(rng, 30, mode)
            if sc.plateau_margins_ok(args, [0.1, 0.02], metrics):
                return sc.run_case("fuzz_%d" % k, "ReduceLROnPlateau", args, sc.sgd(), 30, metrics=metrics)
        return None
    name, args = random_scheduler(rng)
    return sc.run_case("fuzz_%d" % k, name, args, rng.choice([sc.sgd(), sc.sgd((0.5, 0.01)), sc.adam()]), 30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--alg", default="", help="comma-separated algorithms to draw from")
    ap.add_argument("--steps", type=int, default=8)
    args = ap.parse_args()
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
    os.makedirs(out, exist_ok=True)
    rng = random.Random(args.seed)
    global STEPS
    STEPS = args.steps
    cases = []
    for k in range(args.n):
        spec = random_optim_case(rng, k, [a for a in args.alg.split(",") if a])
        try:
            case, why = optim_cases.make_case(spec[0], spec[1], spec[2], spec[3], spec[4], spec[5],
                                              rng.randrange(1 << 30), spec[6], spec[7], first_order=spec[8])
        except ValueError as e:
            case, why = None, "torch refused: %s" % e
        if case is None:
            print("skip %s: %s" % (spec[0], why), file=sys.stderr)
            continue
        cases.append(case)
    dump(os.path.join(out, "fuzz_torch_optim.json"), {"suite": "torch-optim", "dtype": "float64",
                                                       "generator": GENERATOR, "variant": "fuzz",
                                                       "provenance": PROVENANCE, "cases": cases})
    scases = []
    for k in range(args.n):
        try:
            c = random_scheduler_case(rng, k)
        except (ValueError, ZeroDivisionError) as e:
            print("skip scheduler %d: torch refused: %s %s" % (k, e, getattr(e, "case", "")), file=sys.stderr)
            continue
        if c is not None:
            scases.append(c)
    dump(os.path.join(out, "fuzz_lr_schedulers.json"), {"suite": "lr-schedulers", "dtype": "float64",
                                                         "generator": GENERATOR, "variant": "fuzz",
                                                         "provenance": PROVENANCE, "cases": scases})
    print("%d optimizer cases, %d scheduler cases" % (len(cases), len(scases)))


if __name__ == "__main__":
    main()
