#!/usr/bin/python3
"""Writes variant golden files in the schema of /work/shared/golden (FORMAT.md sections 4-6), computed with
torch 1.13 (Debian's python3-torch; run it with the system /usr/bin/python3):

    /usr/bin/python3 tools/golden-variants/generate_variants.py [OUT_DIR] [--seed N]

OUT_DIR defaults to tools/golden-variants/out. See README.md for what is covered, what is emulated and what is
left out because its semantics changed between torch 1.13 and 2.x.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from golden_common import GENERATOR, PROVENANCE, dump  # noqa: E402
import optim_cases  # noqa: E402
import scheduler_cases  # noqa: E402
import swa_cases  # noqa: E402

G2 = [{"params": [0]}, {"params": [1, 2]}]
S3 = [[4], [3], [2, 3]]
S2 = [[3], [2, 2]]

# (id, algorithm, options, param_groups, shapes, steps, c, note)
OPTIM = [
    # SGD
    ("sgd_v0", "SGD", {"lr": 0.03, "momentum": 0.8, "dampening": 0.3, "weight_decay": 0.05, "maximize": True},
     [{"params": [0, 1]}], S2, 10, 0.0, "dampening + weight decay + maximize together; c = 0"),
    ("sgd_v1", "SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.02},
     [{"params": [0]}, {"params": [1, 2], "momentum": 0.5, "lr": 0.1}], [[2], [], [2, 2]], 10, 0.05, None),
    ("sgd_v2", "SGD", {"lr": 0.05, "momentum": 0.7, "dampening": 0.5},
     [{"params": [2, 0]}, {"params": [1], "dampening": 0, "nesterov": True, "weight_decay": 0.1}], S3, 10, 0.05,
     "group 0 lists its parameters out of index order"),
    ("sgd_v3", "SGD", {"momentum": 0.5, "dampening": 0.5, "weight_decay": 0.1},
     [{"params": [0, 1]}], S2, 10, 0.05, "no lr: default 1e-3"),
    ("sgd_v4", "SGD", {"lr": 0.1, "momentum": 0, "weight_decay": 0},
     [{"params": [0]}, {"params": [1], "momentum": 0.9, "dampening": 0.1, "maximize": True, "lr": 0.01}],
     [[3], [2, 1]], 10, 0.0, "integer zeros; second group has momentum and maximizes"),
    # Adam
    ("adam_v0", "Adam", {"lr": 0.04, "amsgrad": True, "maximize": True, "weight_decay": 0.1},
     [{"params": [0, 1]}], S2, 10, 0.05, "amsgrad + maximize + coupled weight decay"),
    ("adam_v1", "Adam", {"lr": 0.05, "weight_decay": 0.1},
     [{"params": [0]}, {"params": [1, 2], "decoupled_weight_decay": True}], S3, 10, 0.05,
     "per-group decoupled_weight_decay override"),
    ("adam_v2", "Adam", {"lr": 0.03, "weight_decay": 0.2, "decoupled_weight_decay": True, "eps": 0.001},
     [{"params": [0]}, {"params": [1], "amsgrad": True, "maximize": True, "betas": [0.0, 0.99]}],
     [[2, 2], []], 10, 0.05, None),
    ("adam_v3", "Adam", {"lr": 0.1, "betas": [0.85, 0.995], "eps": 0.1},
     [{"params": [0, 1, 2]}], [[1], [2, 3], [4]], 10, 0.05, "large eps"),
    ("adam_v4", "Adam", {"lr": 0.05, "amsgrad": True, "weight_decay": 0.1, "decoupled_weight_decay": True},
     [{"params": [0, 1]}], [[0], [2, 2]], 6, 0.05, "a parameter with zero elements"),
    # AdamW
    ("adamw_v0", "AdamW", {"lr": 0.03, "maximize": True},
     [{"params": [0]}, {"params": [1, 2], "amsgrad": True}], S3, 10, 0.05, "per-group amsgrad; default weight_decay"),
    ("adamw_v1", "AdamW", {"lr": 0.05, "weight_decay": 0, "amsgrad": True},
     [{"params": [1]}, {"params": [0], "lr": 0.02, "weight_decay": 0.3}], [[2, 2], [3]], 10, 0.05, None),
    # Adamax
    ("adamax_v0", "Adamax", {"lr": 0.04, "maximize": True, "weight_decay": 0.05},
     [{"params": [0]}, {"params": [1, 2], "betas": [0.5, 0.9]}], S3, 10, 0.05, None),
    ("adamax_v1", "Adamax", {"lr": 0.1, "eps": 0.5},
     [{"params": [0, 1]}], [[], [3]], 10, 0.05, "eps dominates the infinity norm"),
    # Adagrad
    ("adagrad_v0", "Adagrad", {"lr": 0.2, "lr_decay": 0.05, "initial_accumulator_value": 0.3, "weight_decay": 0.1,
                               "maximize": True},
     [{"params": [0, 1]}], S2, 10, 0.05, None),
    ("adagrad_v1", "Adagrad", {"lr": 0.1},
     [{"params": [0]}, {"params": [1, 2], "lr_decay": 0.2, "eps": 0.01, "weight_decay": 0.05}], [[3], [], [2, 2]],
     10, 0.05, None),
    ("adagrad_v2", "Adagrad", {"lr": 0.15, "initial_accumulator_value": 0.1},
     [{"params": [0]}, {"params": [1], "initial_accumulator_value": 2.0}], S2, 10, 0.05,
     "per-group initial_accumulator_value: torch fills every accumulator with the constructor's value"),
    # Adadelta
    ("adadelta_v0", "Adadelta", {"lr": 0.7, "rho": 0.5, "weight_decay": 0.05, "maximize": True},
     [{"params": [0, 1]}], S2, 10, 0.05, None),
    ("adadelta_v1", "Adadelta", {"rho": 0.95},
     [{"params": [0]}, {"params": [1, 2], "rho": 0.7, "eps": 0.001, "lr": 2.0}], [[2], [2, 2], []], 10, 0.05, None),
    # RMSprop
    ("rmsprop_v0", "RMSprop", {"lr": 0.01, "centered": True, "momentum": 0.6, "weight_decay": 0.1, "maximize": True},
     [{"params": [0, 1]}], S2, 10, 0.05, "centered + momentum + weight decay + maximize"),
    ("rmsprop_v1", "RMSprop", {"lr": 0.02, "momentum": 0.5},
     [{"params": [0]}, {"params": [1, 2], "momentum": 0, "centered": True, "alpha": 0.8}], S3, 10, 0.05,
     "momentum only in group 0, centered only in group 1"),
    ("rmsprop_v2", "RMSprop", {"lr": 0.005, "alpha": 0.5, "eps": 0.0001, "momentum": 0.95},
     [{"params": [0, 1]}], [[], [2, 3]], 10, 0.05, None),
    # RAdam
    ("radam_v0", "RAdam", {"lr": 0.04, "maximize": True, "weight_decay": 0.1},
     [{"params": [0, 1]}], S2, 10, 0.05, "maximize + coupled weight decay"),
    ("radam_v1", "RAdam", {"lr": 0.05, "maximize": True, "weight_decay": 0.2, "decoupled_weight_decay": True},
     [{"params": [0, 1]}], S2, 10, 0.05, "maximize + decoupled weight decay"),
    ("radam_v2", "RAdam", {"lr": 0.05, "betas": [0.8, 0.9]},
     [{"params": [0]}, {"params": [1, 2], "betas": [0.9, 0.99], "weight_decay": 0.1, "decoupled_weight_decay": True,
                        "eps": 0.0001}], S3, 10, 0.05, "beta2 = 0.9: the rectified branch starts at step 3"),
    # ASGD
    ("asgd_v0", "ASGD", {"lr": 0.05, "t0": 2.0, "lambd": 0.02, "alpha": 0.6, "weight_decay": 0.05,
                         "maximize": True},
     [{"params": [0, 1]}], S2, 10, 0.0, "averaging from step 4 on"),
    ("asgd_v1", "ASGD", {"lr": 0.03, "t0": 3},
     [{"params": [0]}, {"params": [1, 2], "t0": 1.0, "alpha": 0.9, "lr": 0.06, "lambd": 0.001}], [[3], [], [2, 2]],
     10, 0.05, None),
    # Rprop
    ("rprop_v0", "Rprop", {"lr": 0.3, "etas": [0.4, 1.3], "step_sizes": [0.001, 0.2], "maximize": True},
     [{"params": [0, 1]}], S2, 10, 0.0, "custom etas and step sizes + maximize; lr above the max step size"),
    ("rprop_v1", "Rprop", {"lr": 0.002, "step_sizes": [0.01, 1]},
     [{"params": [0]}, {"params": [1, 2], "etas": [0.7, 1.05], "lr": 0.05}], S3, 10, 0.05,
     "lr below the min step size: clamped on the first step"),
    # LBFGS
    ("lbfgs_v0", "LBFGS", {"lr": 0.8, "max_iter": 5, "history_size": 3, "tolerance_grad": 0.001},
     [{"params": [0, 1]}], S2, 4, 0.2, None),
    ("lbfgs_v1", "LBFGS", {"lr": 1, "max_iter": 5, "max_eval": 7, "history_size": 4,
                           "line_search_fn": "strong_wolfe"},
     [{"params": [0, 1, 2]}], S3, 3, 0.3, "explicit max_eval"),
    ("lbfgs_v2", "LBFGS", {"lr": 1.0, "max_iter": 8, "tolerance_change": 0.0001, "line_search_fn": "strong_wolfe"},
     [{"params": [0, 1]}], S2, 3, 0.3, "tolerance_change ends inner loops"),
    ("lbfgs_v3", "LBFGS", {"lr": 0.5, "max_iter": 10, "tolerance_change": 0.001, "history_size": 2},
     [{"params": [0, 1]}], [[2], [2, 2]], 3, 0.1, None),
    ("lbfgs_v4", "LBFGS", {"lr": 0.05, "max_iter": 6, "max_eval": 10, "line_search_fn": "strong_wolfe"},
     [{"params": [0, 1]}], S2, 3, 0.3, "small lr"),
    ("lbfgs_v5", "LBFGS", {"lr": 1, "max_iter": 4, "history_size": 1, "line_search_fn": "strong_wolfe"},
     [{"params": [0, 1, 2]}], [[], [2, 2], [3]], 3, 0.4, "history_size 1"),
    ("lbfgs_v6", "LBFGS", {"lr": 0.3, "max_iter": 1},
     [{"params": [0, 1]}], S2, 5, 0.2, "max_iter 1: every step is one iteration without re-evaluation"),
    ("lbfgs_v8", "LBFGS", {"lr": 1, "max_iter": 4, "line_search_fn": "strong_wolfe"},
     [{"params": [0, 1]}], [[3], [0]], 2, 0.3, "a parameter with zero elements"),
    ("lbfgs_v7", "LBFGS", {"lr": 1, "max_iter": 10, "max_eval": 30, "tolerance_grad": 1e-5, "tolerance_change": 1e-12,
                           "line_search_fn": "strong_wolfe"},
     [{"params": [0]}], [[2, 2]], 3, 0.1, None),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--only", default="", help="comma-separated: optim,sched,swa")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    only = set(filter(None, args.only.split(",")))

    if not only or "optim" in only:
        cases = []
        for k, (cid, alg, opts, groups, shapes, steps, c, note) in enumerate(OPTIM):
            seed = args.seed + 1000 * k
            for attempt in range(20):
                case, why = optim_cases.make_case(cid, alg, opts, groups, shapes, steps, seed + attempt, c, note,
                                                  first_order=alg != "LBFGS")
                if case is not None:
                    break
                print("  %s seed %d rejected: %s" % (cid, seed + attempt, why), file=sys.stderr)
            if case is None:
                raise SystemExit("no stable seed for " + cid)
            cases.append(case)
        dump(os.path.join(args.out, "torch_optim_variants.json"), {
            "suite": "torch-optim", "dtype": "float64", "generator": GENERATOR, "variant": "torch1.13-variants",
            "provenance": PROVENANCE,
            "problem": "f(params) = sum_i [0.5 * p_i^T A_i p_i - b_i^T p_i + c * sum(p_i^4)], p_i flattened row-major",
            "cases": cases})
        print("torch_optim_variants.json: %d cases" % len(cases))
    if not only or "sched" in only:
        cases = scheduler_cases.all_cases(args.seed)
        dump(os.path.join(args.out, "lr_schedulers_variants.json"), {
            "suite": "lr-schedulers", "dtype": "float64", "generator": GENERATOR, "variant": "torch1.13-variants",
            "provenance": PROVENANCE, "cases": cases})
        print("lr_schedulers_variants.json: %d cases" % len(cases))
    if not only or "swa" in only:
        cases = swa_cases.all_cases(args.seed)
        dump(os.path.join(args.out, "swa_ema_variants.json"), {
            "suite": "swa-ema", "dtype": "float64", "generator": GENERATOR, "variant": "torch1.13-variants",
            "provenance": PROVENANCE, "cases": cases})
        print("swa_ema_variants.json: %d cases" % len(cases))


if __name__ == "__main__":
    main()
