"""Variant cases of lr_schedulers.json (FORMAT.md section 5), computed with torch 1.13.

Differences to torch 2.x handled here (README.md):
  * SequentialLR: 1.13 switches at a milestone with the deprecated step(0), which warns; 2.x calls
    _update_lr(0) without a warning. Values agree for every child except a MultiplicativeLR whose
    lr_lambda(0) != 1, which is therefore never put after a milestone; the 1.13-only deprecation warning is
    dropped from `warnings`.
  * CyclicLR cycling Adam's betas[0] (2.x only): torch 1.13 refuses an optimizer without `momentum`, so the
    schedule is run on an SGD optimizer with the same lrs and momentum, and its momentum sequence is recorded
    as betas[0] (2.x's rule is the same arithmetic on betas[0]).
"""
import math
import random
import warnings

import torch
import torch.optim.lr_scheduler as L

EPOCH_DEPRECATION = "The epoch parameter in `scheduler.step()` was not necessary"

LAMBDAS = {
    "exp": lambda s: (lambda e: s["gamma"] ** e),
    "inv_linear": lambda s: (lambda e: 1 / (1 + s["k"] * e)),
    "warmup_exp": lambda s: (lambda e: (e + 1) / s["warmup"] if e < s["warmup"] else s["gamma"] ** (e - s["warmup"])),
    "step_int": lambda s: (lambda e: s["factor"] ** (e // s["every"])),
    "const": lambda s: (lambda e: s["value"]),
    "alternate": lambda s: (lambda e: s["even"] if e % 2 == 0 else s["odd"]),
}


def lam(kind, name, **kw):
    d = {"kind": kind}
    d.update(kw)
    d["name"] = name
    return d


def to_fn(spec):
    if isinstance(spec, list):
        return [LAMBDAS[s["kind"]](s) for s in spec]
    return LAMBDAS[spec["kind"]](spec)


def make_optimizer(spec, emulate_adam=False):
    params = [torch.zeros(2, requires_grad=True) for _ in spec["lr"]]
    groups = [{"params": [p], "lr": lr} for p, lr in zip(params, spec["lr"])]
    if spec["algorithm"] == "SGD" or emulate_adam:
        momentum = spec.get("momentum", spec["betas"][0] if "betas" in spec else 0)
        return torch.optim.SGD(groups, lr=spec["lr"][0], momentum=momentum)
    return torch.optim.Adam(groups, betas=tuple(spec.get("betas", (0.9, 0.999))))


def build(opt, name, args):
    a = dict(args)
    if name in ("LambdaLR", "MultiplicativeLR"):
        a["lr_lambda"] = to_fn(a["lr_lambda"])
    if name in ("ChainedScheduler", "SequentialLR"):
        children = [build(opt, c["scheduler"], c.get("args", {})) for c in a["schedulers"]]
        if name == "ChainedScheduler":
            return L.ChainedScheduler(children)
        return L.SequentialLR(opt, children, a["milestones"])
    return getattr(L, name)(opt, **a)


def momentums_of(opt, key):
    if key == "momentum":
        return [g["momentum"] for g in opt.param_groups]
    return [g["betas"][0] for g in opt.param_groups]


def plateau_margins_ok(args, lrs0, metrics):
    """No near-tie in ReduceLROnPlateau's comparisons (FORMAT.md 2); mirrors its rule only to measure margins."""
    mode = args.get("mode", "min")
    thr = args.get("threshold", 1e-4)
    tmode = args.get("threshold_mode", "rel")
    factor = args.get("factor", 0.1)
    patience = args.get("patience", 10)
    cooldown = args.get("cooldown", 0)
    min_lr = args.get("min_lr", 0)
    min_lrs = min_lr if isinstance(min_lr, list) else [min_lr] * len(lrs0)
    eps = args.get("eps", 1e-8)
    best = math.inf if mode == "min" else -math.inf
    bad = 0
    cool = 0
    lrs = list(lrs0)
    for a in metrics:
        if mode == "min" and tmode == "rel":
            ref = best * (1 - thr)
        elif mode == "min":
            ref = best - thr
        elif tmode == "rel":
            ref = best * (thr + 1)
        else:
            ref = best + thr
        if math.isfinite(ref) and abs(a - ref) <= 1e-9 * max(1.0, abs(a)):
            return False
        better = a < ref if mode == "min" else a > ref
        if better:
            best = a
            bad = 0
        else:
            bad += 1
        if cool > 0:
            cool -= 1
            bad = 0
        if bad > patience:
            for i, lr in enumerate(lrs):
                new = max(lr * factor, min_lrs[i])
                if abs((lr - new) - eps) <= 1e-12:
                    return False
                if lr - new > eps:
                    lrs[i] = new
            cool = cooldown
            bad = 0
    return True


def run_case(cid, scheduler, args, optimizer, steps, metrics=None, note=None):
    momentum_key = None
    if scheduler in ("CyclicLR", "OneCycleLR") and args.get("cycle_momentum", True):
        momentum_key = "betas[0]" if optimizer["algorithm"] == "Adam" else "momentum"
    emulate_adam = scheduler == "CyclicLR" and momentum_key == "betas[0]"
    opt = make_optimizer(optimizer, emulate_adam)
    lrs, moms = [], []
    try:
        return _run_case(cid, scheduler, args, optimizer, steps, metrics, note, momentum_key, emulate_adam, opt, lrs, moms)
    except (ValueError, ZeroDivisionError) as e:
        e.case = (scheduler, args, optimizer)
        raise


def _run_case(cid, scheduler, args, optimizer, steps, metrics, note, momentum_key, emulate_adam, opt, lrs, moms):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sched = L.ReduceLROnPlateau(opt, **args) if scheduler == "ReduceLROnPlateau" else build(opt, scheduler, args)
        if scheduler == "ReduceLROnPlateau":
            base_lrs = [g["lr"] for g in opt.param_groups]
        elif scheduler in ("ChainedScheduler", "SequentialLR"):
            base_lrs = list(sched._schedulers[0].base_lrs)
        else:
            base_lrs = list(sched.base_lrs)
        lrs.append([g["lr"] for g in opt.param_groups])
        if momentum_key:
            moms.append(momentums_of(opt, "momentum" if emulate_adam else momentum_key))
        for k in range(steps):
            opt.step()
            if scheduler == "ReduceLROnPlateau":
                sched.step(metrics[k])
            else:
                sched.step()
            lrs.append([g["lr"] for g in opt.param_groups])
            if momentum_key:
                moms.append(momentums_of(opt, "momentum" if emulate_adam else momentum_key))
    msgs = [str(w.message) for w in caught]
    kept = [m for m in msgs if not (scheduler == "SequentialLR" and m.startswith(EPOCH_DEPRECATION))]
    if kept:
        raise AssertionError("%s: unexpected warnings %s" % (cid, kept))
    case = {"id": cid, "scheduler": scheduler, "args": args, "optimizer": optimizer,
            "base_lrs": [float(x) for x in base_lrs], "steps": steps,
            "lrs": [[float(x) for x in row] for row in lrs]}
    if momentum_key:
        case["momentum_key"] = momentum_key
        case["momentums"] = [[float(x) for x in row] for row in moms]
    if metrics is not None:
        case["metrics"] = metrics
    case["warnings"] = []
    if note:
        case["note"] = note
    return case


def sgd(lrs=(0.1, 0.02), momentum=None):
    d = {"algorithm": "SGD", "lr": list(lrs)}
    if momentum is not None:
        d["momentum"] = momentum
    return d


def adam(lrs=(0.1, 0.02), betas=(0.9, 0.999)):
    return {"algorithm": "Adam", "lr": list(lrs), "betas": list(betas)}


def metrics_walk(rng, n, mode, start=1.0):
    out = []
    x = start
    for _ in range(n):
        step = rng.choice([-1, -1, 0, 1]) * rng.uniform(0.002, 0.05)
        x = x + step if mode == "max" else x - step
        out.append(round(x, 4))
    return out


def all_cases(seed):
    rng = random.Random(seed)
    c = []
    N = 30
    c.append(run_case("lambdalr_v0", "LambdaLR",
                      {"lr_lambda": [lam("step_int", "0.8**(epoch//4)", every=4, factor=0.8),
                                     lam("alternate", "1.0 if epoch%2==0 else 0.5", even=1.0, odd=0.5)]},
                      sgd((0.05, 0.3)), N))
    c.append(run_case("lambdalr_v1", "LambdaLR",
                      {"lr_lambda": lam("warmup_exp", "(epoch+1)/3 if epoch<3 else 0.9**(epoch-3)", warmup=3, gamma=0.9)},
                      adam((0.01, 0.003)), N, note="Adam optimizer"))
    c.append(run_case("multiplicativelr_v0", "MultiplicativeLR",
                      {"lr_lambda": [lam("inv_linear", "1/(1+0.05*epoch)", k=0.05),
                                     lam("const", "1.02", value=1.02)]}, sgd((0.2, 0.01)), N))
    c.append(run_case("steplr_v0", "StepLR", {"step_size": 1, "gamma": 0.9}, sgd((0.3, 0.05)), N))
    c.append(run_case("steplr_v1", "StepLR", {"step_size": 4}, sgd(), N, note="default gamma"))
    c.append(run_case("multisteplr_v0", "MultiStepLR", {"milestones": [2, 2, 2, 9, 17], "gamma": 0.6}, sgd(), N,
                      note="a milestone repeated three times"))
    c.append(run_case("multisteplr_v1", "MultiStepLR", {"milestones": [20, 4, 11]}, sgd((0.5, 0.07)), N,
                      note="unsorted milestones, default gamma"))
    c.append(run_case("constantlr_v0", "ConstantLR", {"factor": 0.1, "total_iters": 1}, sgd(), N))
    c.append(run_case("constantlr_v1", "ConstantLR", {}, sgd((0.4, 0.08)), N, note="defaults: factor 1/3, 5 iterations"))
    c.append(run_case("linearlr_v0", "LinearLR", {"start_factor": 0.5, "end_factor": 0.05, "total_iters": 7}, sgd(), N))
    c.append(run_case("linearlr_v1", "LinearLR", {}, sgd((0.9, 0.1)), N, note="defaults"))
    c.append(run_case("linearlr_v2", "LinearLR", {"start_factor": 0.1, "end_factor": 0.0, "total_iters": 4}, sgd(), N,
                      note="decays to zero: the recursive form ends a rounding error below 0 (-5.6e-19), torch keeps it"))
    c.append(run_case("exponentiallr_v0", "ExponentialLR", {"gamma": 1.05}, sgd((0.01, 0.002)), N, note="gamma > 1"))
    c.append(run_case("polynomiallr_v0", "PolynomialLR", {"total_iters": 8, "power": 3.0}, sgd(), N))
    c.append(run_case("polynomiallr_v1", "PolynomialLR", {}, sgd((0.25, 0.05)), N, note="defaults"))
    c.append(run_case("cosineannealinglr_v0", "CosineAnnealingLR", {"T_max": 4, "eta_min": 0.005}, sgd(), N,
                      note="several periods past T_max"))
    c.append(run_case("cosineannealinglr_v1", "CosineAnnealingLR", {"T_max": 1}, sgd((0.3, 0.01)), N))
    c.append(run_case("chainedscheduler_v0", "ChainedScheduler", {"schedulers": [
        {"scheduler": "LinearLR", "args": {"start_factor": 0.1, "total_iters": 4}},
        {"scheduler": "StepLR", "args": {"step_size": 3, "gamma": 0.7}},
        {"scheduler": "ConstantLR", "args": {"factor": 0.5, "total_iters": 6}}]}, sgd(), N))
    c.append(run_case("chainedscheduler_v1", "ChainedScheduler", {"schedulers": [
        {"scheduler": "CosineAnnealingWarmRestarts", "args": {"T_0": 4, "T_mult": 2, "eta_min": 0.001}},
        {"scheduler": "ExponentialLR", "args": {"gamma": 0.97}}]}, sgd((0.2, 0.04)), N))
    c.append(run_case("chainedscheduler_v2", "ChainedScheduler", {"schedulers": [
        {"scheduler": "PolynomialLR", "args": {"total_iters": 10, "power": 2.0}},
        {"scheduler": "MultiplicativeLR", "args": {"lr_lambda": lam("alternate", "1.1 if epoch%2==0 else 0.95",
                                                                     even=1.1, odd=0.95)}},
        {"scheduler": "MultiStepLR", "args": {"milestones": [5, 5, 15], "gamma": 0.5}}]}, sgd(), N))
    c.append(run_case("chainedscheduler_v3", "ChainedScheduler", {"schedulers": [
        {"scheduler": "LinearLR", "args": {"start_factor": 0.1, "end_factor": 0.2, "total_iters": 2}},
        {"scheduler": "CosineAnnealingLR", "args": {"T_max": 6, "eta_min": 0.0}},
        {"scheduler": "CosineAnnealingLR", "args": {"T_max": 9, "eta_min": 0.001}}]}, adam(), N,
        note="two recursive cosine forms: the lr goes below 0 at step 18, torch keeps it"))
    c.append(run_case("sequentiallr_v0", "SequentialLR", {"schedulers": [
        {"scheduler": "ConstantLR", "args": {"factor": 0.2, "total_iters": 10}},
        {"scheduler": "PolynomialLR", "args": {"total_iters": 12, "power": 1.5}},
        {"scheduler": "CosineAnnealingLR", "args": {"T_max": 5, "eta_min": 0.001}}], "milestones": [3, 12]},
        sgd(), N, note="ConstantLR cut off before its total_iters"))
    c.append(run_case("sequentiallr_v1", "SequentialLR", {"schedulers": [
        {"scheduler": "LinearLR", "args": {"start_factor": 0.01, "end_factor": 1.0, "total_iters": 6}},
        {"scheduler": "MultiStepLR", "args": {"milestones": [3, 8], "gamma": 0.3}},
        {"scheduler": "MultiplicativeLR", "args": {"lr_lambda": lam("exp", "0.9**epoch", gamma=0.9)}},
        {"scheduler": "LambdaLR", "args": {"lr_lambda": lam("inv_linear", "1/(1+0.5*epoch)", k=0.5)}}],
        "milestones": [6, 14, 22]}, sgd((0.05, 0.5)), N,
        note="MultiplicativeLR with lr_lambda(0) = 1 entered at a milestone"))
    c.append(run_case("sequentiallr_v2", "SequentialLR", {"schedulers": [
        {"scheduler": "ExponentialLR", "args": {"gamma": 0.5}},
        {"scheduler": "CosineAnnealingWarmRestarts", "args": {"T_0": 3, "T_mult": 2}},
        {"scheduler": "StepLR", "args": {"step_size": 2, "gamma": 0.5}}], "milestones": [1, 10]}, sgd(), N,
        note="first milestone at 1"))
    for k, (mode, tmode, extra) in enumerate([
            ("max", "abs", {"factor": 0.5, "patience": 2, "threshold": 0.01, "cooldown": 3, "min_lr": [0.01, 0.005]}),
            ("min", "rel", {"factor": 0.25, "patience": 0, "threshold": 0.001, "cooldown": 1, "min_lr": 0.003}),
            ("max", "rel", {"factor": 0.9, "patience": 1, "threshold": 0.005, "eps": 0.001}),
            ("min", "abs", {"patience": 3, "threshold": 0.02}),
            ("min", "rel", {})]):
        args = {"mode": mode, "threshold_mode": tmode} if k != 4 else {}
        args.update(extra)
        for _ in range(100):
            metrics = metrics_walk(rng, N, mode)
            if plateau_margins_ok(args, [0.1, 0.02], metrics):
                break
        else:
            raise SystemExit("no tie-free metrics for plateau case %d" % k)
        c.append(run_case("reducelronplateau_v%d" % k, "ReduceLROnPlateau", args, sgd(), N, metrics=metrics,
                          note="defaults" if k == 4 else None))
    c.append(run_case("cycliclr_v0", "CyclicLR", {"base_lr": [0.001, 0.002], "max_lr": [0.01, 0.05], "step_size_up": 3,
                                                  "step_size_down": 5, "mode": "triangular2",
                                                  "base_momentum": [0.8, 0.85], "max_momentum": [0.9, 0.95]},
                      sgd(momentum=0.9), N))
    c.append(run_case("cycliclr_v1", "CyclicLR", {"base_lr": 0.002, "max_lr": 0.02, "step_size_up": 2, "step_size_down": 7,
                                                  "mode": "exp_range", "gamma": 0.9,
                                                  "base_momentum": [0.7, 0.75], "max_momentum": [0.9, 0.92]},
                      adam(), N, note="Adam in exp_range mode with per-group momentum lists: betas[0] cycles"))
    c.append(run_case("cycliclr_v2", "CyclicLR", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 4, "mode": "exp_range",
                                                  "gamma": 0.95, "cycle_momentum": False}, adam(), N))
    c.append(run_case("cycliclr_v3", "CyclicLR", {"base_lr": 0.05, "max_lr": 0.2, "step_size_up": 1, "step_size_down": 1,
                                                  "scale_mode": "iterations"}, sgd(momentum=0.5), N,
                      note="scale_mode is ignored by the built-in modes"))
    c.append(run_case("cycliclr_v4", "CyclicLR", {"base_lr": 0.01, "max_lr": 0.04, "step_size_up": 3},
                      sgd(), N, note="SGD built without momentum: CyclicLR cycles its default momentum option"))
    c.append(run_case("onecyclelr_v4", "OneCycleLR", {"max_lr": 0.2, "total_steps": 16}, sgd(), 15,
                      note="SGD built without momentum"))
    c.append(run_case("onecyclelr_v0", "OneCycleLR", {"max_lr": [0.2, 0.05], "total_steps": 25, "three_phase": True,
                                                      "anneal_strategy": "linear"}, sgd(momentum=0.9), 24))
    c.append(run_case("onecyclelr_v1", "OneCycleLR", {"max_lr": 0.1, "epochs": 3, "steps_per_epoch": 8, "pct_start": 0.4,
                                                      "base_momentum": [0.8, 0.7], "max_momentum": 0.9},
                      adam(), 23, note="Adam: betas[0] cycles"))
    c.append(run_case("onecyclelr_v2", "OneCycleLR", {"max_lr": 0.3, "total_steps": 30, "div_factor": 5.0,
                                                      "final_div_factor": 50.0, "three_phase": True, "pct_start": 0.2},
                      sgd(momentum=0.8), 29))
    c.append(run_case("onecyclelr_v3", "OneCycleLR", {"max_lr": 0.05, "total_steps": 40}, sgd(momentum=0.9), 20,
                      note="stopped halfway"))
    c.append(run_case("cosineannealingwarmrestarts_v0", "CosineAnnealingWarmRestarts", {"T_0": 2, "T_mult": 2,
                                                                                        "eta_min": 0.002}, sgd(), N))
    c.append(run_case("cosineannealingwarmrestarts_v1", "CosineAnnealingWarmRestarts", {"T_0": 7}, sgd((0.5, 0.1)), N,
                      note="defaults"))
    c.append(run_case("cosineannealingwarmrestarts_v2", "CosineAnnealingWarmRestarts", {"T_0": 1, "T_mult": 3}, sgd(), N))
    c.append(run_case("steplr_v2", "StepLR", {"step_size": 5, "gamma": 0.5}, sgd((0.1, 0.05, 0.01)), 20,
                      note="three param groups"))
    return c
