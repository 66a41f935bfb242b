"""Variant cases of swa_ema.json (FORMAT.md section 6), computed with torch 1.13.

torch 1.13's AveragedModel takes only `avg_fn`; the 2.x helpers are passed as avg_fn with their arithmetic
(README.md): get_swa_multi_avg_fn as torch.lerp(avg, p, 1/(n+1)), get_ema_multi_avg_fn(decay) as
torch.lerp(avg, p, 1 - decay), get_ema_avg_fn(decay) as decay*avg + (1 - decay)*p. `swa` uses 1.13's default
avg_fn, the same rule as 2.x on CPU.
"""
import math
import random
import warnings

import torch
from torch.optim.lr_scheduler import CosineAnnealingLR
from torch.optim.swa_utils import SWALR, AveragedModel

from golden_common import tensor_json


class Holder(torch.nn.Module):
    def __init__(self, shapes):
        super().__init__()
        self.ps = torch.nn.ParameterList([torch.nn.Parameter(torch.zeros(s)) for s in shapes])


def avg_fn(avg, decay):
    if avg == "swa":
        return None
    if avg == "swa_multi":
        return lambda a, p, n: torch.lerp(a, p, 1.0 / (int(n) + 1))
    if avg == "ema":
        return lambda a, p, n: torch.lerp(a, p, 1 - decay)
    if avg == "ema_plain":
        return lambda a, p, n: decay * a + (1 - decay) * p
    raise ValueError(avg)


def averaged_case(cid, avg, decay, shapes, k, rng, note=None):
    model = Holder(shapes)
    averaged = AveragedModel(model, avg_fn=avg_fn(avg, decay))
    snaps, avgs, counts = [], [], []
    for _ in range(k):
        snap = [torch.tensor([rng.gauss(0, 1) for _ in range(int(math.prod(s)))]).reshape(s) for s in shapes]
        with torch.no_grad():
            for p, s in zip(model.ps, snap):
                p.copy_(s)
        averaged.update_parameters(model)
        snaps.append([tensor_json(s) for s in snap])
        avgs.append([tensor_json(p) for p in averaged.module.ps])
        counts.append(int(averaged.n_averaged))
    case = {"id": cid, "kind": "averaged_model", "avg": avg, "decay": decay, "snapshots": snaps, "averaged": avgs,
            "n_averaged": counts}
    if note:
        case["note"] = note
    return case


def swalr_case(cid, lrs, args, steps, pre=None, note=None):
    params = [torch.zeros(2, requires_grad=True) for _ in lrs]
    opt = torch.optim.SGD([{"params": [p], "lr": lr} for p, lr in zip(params, lrs)], lr=lrs[0])
    case = {"id": cid, "kind": "swalr", "optimizer": {"algorithm": "SGD", "lr": list(lrs)}, "args": args, "steps": steps}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if pre is not None:
            cos = CosineAnnealingLR(opt, **pre["args"])
            for _ in range(pre["steps"]):
                opt.step()
                cos.step()
            pre = dict(pre)
            pre["lrs_after"] = [float(g["lr"]) for g in opt.param_groups]
        s = SWALR(opt, **args)
        rows = [[float(g["lr"]) for g in opt.param_groups]]
        for _ in range(steps):
            opt.step()
            s.step()
            rows.append([float(g["lr"]) for g in opt.param_groups])
    if caught:
        raise AssertionError("%s: unexpected warnings %s" % (cid, [str(w.message) for w in caught]))
    case["lrs"] = rows
    case["warnings"] = []
    if pre is not None:
        case["pre_scheduler"] = pre
    if note:
        case["note"] = note
    return case


def all_cases(seed):
    rng = random.Random(seed + 7)
    c = [
        averaged_case("averaged_swa_v0", "swa", None, [[3], [], [2, 2]], 6, rng, note="a 0-dim parameter"),
        averaged_case("averaged_swa_multi_v0", "swa_multi", None, [[2, 3], [1]], 7, rng),
        averaged_case("averaged_ema_v0", "ema", 0.0, [[3], [2]], 5, rng, note="decay = 0: follows the snapshot"),
        averaged_case("averaged_ema_v1", "ema", 1, [[2, 2]], 5, rng, note="decay = 1 (written as the integer 1): keeps the first snapshot"),
        averaged_case("averaged_ema_v2", "ema", 0.75, [[], [4]], 8, rng),
        averaged_case("averaged_ema_plain_v0", "ema_plain", 0, [[3]], 4, rng, note="decay = 0, written as the integer 0"),
        averaged_case("averaged_ema_plain_v1", "ema_plain", 1.0, [[2], []], 4, rng, note="decay = 1"),
        averaged_case("averaged_ema_plain_v2", "ema_plain", 0.3, [[2, 2], [1]], 6, rng),
        averaged_case("averaged_swa_v1", "swa", None, [[5]], 1, rng, note="one update: a copy"),
        swalr_case("swalr_cos_v0", [0.3, 0.05], {"swa_lr": 0.02, "anneal_epochs": 0, "anneal_strategy": "cos"}, 8,
                   note="anneal_epochs = 0: swa_lr right after construction"),
        swalr_case("swalr_linear_v0", [0.3, 0.05], {"swa_lr": [0.1, 0.01], "anneal_epochs": 0,
                                                    "anneal_strategy": "linear"}, 8, note="anneal_epochs = 0"),
        swalr_case("swalr_linear_v1", [0.5, 0.1], {"swa_lr": 0.2, "anneal_epochs": 3, "anneal_strategy": "linear"}, 10,
                   note="swa_lr above group 1's lr"),
        swalr_case("swalr_cos_v1", [0.05, 0.02], {"swa_lr": [0.01, 0.03]}, 15, note="default anneal_epochs, strategy"),
        swalr_case("swalr_cos_v2", [0.4, 0.08], {"swa_lr": 0.05, "anneal_epochs": 2, "anneal_strategy": "cos"}, 10,
                   pre={"scheduler": "CosineAnnealingLR", "args": {"T_max": 6, "eta_min": 0.01}, "steps": 4},
                   note="CosineAnnealingLR with eta_min ran first"),
        swalr_case("swalr_linear_v2", [0.2, 0.3], {"swa_lr": 0.1, "anneal_epochs": 4, "anneal_strategy": "linear"}, 10,
                   pre={"scheduler": "CosineAnnealingLR", "args": {"T_max": 10}, "steps": 12},
                   note="the pre-scheduler ran past T_max"),
    ]
    return c
