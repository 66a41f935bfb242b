"""Variant cases of torch_optim.json (FORMAT.md section 4), computed with torch 1.13.

Every case is run three ways: (A) the reference, gradients by autograd of f as FORMAT.md 4.1 writes it;
(B) an analytic gradient with another summation order; (C) A with a 1e-11 relative perturbation of params0
(informative `perturbation_amplification` only). The tolerances are 100x the largest A/B difference with the
floors of FORMAT.md 2; a case whose A/B difference is large, or whose LBFGS counts differ between A and B, is
rejected (it sits on a branch point).

torch 2.x semantics that torch 1.13 lacks are emulated with torch operations (README.md):
  * RAdam `maximize`: the gradient is negated after backward (2.x negates it before anything else);
  * `decoupled_weight_decay` of Adam and RAdam: the group runs with weight_decay 0 in torch and the
    parameter is multiplied by (1 - lr*wd) right before optimizer.step() (2.x does the same as the step's
    first change of p);
  * LBFGS with strong Wolfe: torch.optim.lbfgs._strong_wolfe is called with max_ls = max_eval - current_evals
    (2.x's line-search budget; 1.13 passes the fixed 25);
  * SGD without lr: torch 1.13 requires it, so it runs with lr=1e-3 (the 2.x default) and the case omits it.
NAdam is not generated: its 1.13 update (mu_product_next) differs from 2.x.
"""
import inspect
import math
import random

import torch
import torch.optim.lbfgs as lbfgs_module

from golden_common import tensor_json, value_json, tolerance

# torch 2.13 defaults and param_groups keys (FORMAT.md 4.2 and 4.4), in torch's key order.
DEFAULTS_2X = {
    "SGD": [("lr", 1e-3), ("momentum", 0), ("dampening", 0), ("weight_decay", 0), ("nesterov", False),
            ("maximize", False), ("foreach", None), ("differentiable", False), ("fused", None)],
    "Adam": [("lr", 1e-3), ("betas", [0.9, 0.999]), ("eps", 1e-8), ("weight_decay", 0), ("amsgrad", False),
             ("maximize", False), ("foreach", None), ("capturable", False), ("differentiable", False),
             ("fused", None), ("decoupled_weight_decay", False)],
    "AdamW": [("lr", 1e-3), ("betas", [0.9, 0.999]), ("eps", 1e-8), ("weight_decay", 1e-2), ("amsgrad", False),
              ("maximize", False), ("foreach", None), ("capturable", False), ("differentiable", False),
              ("fused", None), ("decoupled_weight_decay", True)],
    "Adamax": [("lr", 2e-3), ("betas", [0.9, 0.999]), ("eps", 1e-8), ("weight_decay", 0), ("foreach", None),
               ("maximize", False), ("differentiable", False), ("capturable", False)],
    "Adagrad": [("lr", 1e-2), ("lr_decay", 0), ("eps", 1e-10), ("weight_decay", 0),
                ("initial_accumulator_value", 0), ("foreach", None), ("maximize", False),
                ("differentiable", False), ("fused", None)],
    "Adadelta": [("lr", 1.0), ("rho", 0.9), ("eps", 1e-6), ("weight_decay", 0), ("maximize", False),
                 ("capturable", False), ("foreach", None), ("differentiable", False)],
    "RMSprop": [("lr", 1e-2), ("momentum", 0), ("alpha", 0.99), ("eps", 1e-8), ("centered", False),
                ("weight_decay", 0), ("capturable", False), ("foreach", None), ("maximize", False),
                ("differentiable", False)],
    "RAdam": [("lr", 1e-3), ("betas", [0.9, 0.999]), ("eps", 1e-8), ("weight_decay", 0), ("maximize", False),
              ("foreach", None), ("capturable", False), ("decoupled_weight_decay", False),
              ("differentiable", False)],
    "ASGD": [("lr", 1e-2), ("lambd", 1e-4), ("alpha", 0.75), ("t0", 1e6), ("weight_decay", 0), ("foreach", None),
             ("maximize", False), ("differentiable", False), ("capturable", False)],
    "Rprop": [("lr", 1e-2), ("etas", [0.5, 1.2]), ("step_sizes", [1e-6, 50]), ("foreach", None),
              ("maximize", False), ("differentiable", False), ("capturable", False)],
    "LBFGS": [("lr", 1), ("max_iter", 20), ("max_eval", None), ("tolerance_grad", 1e-7),
              ("tolerance_change", 1e-9), ("history_size", 100), ("line_search_fn", None)],
}
BOOKKEEPING = {"foreach", "differentiable", "capturable", "fused"}
INT_STEP_113 = {"Adadelta", "RMSprop", "Rprop"}  # 1.13 keeps a Python int; 2.x a 0-dim tensor


def keys_113(algorithm):
    sig = inspect.signature(getattr(torch.optim, algorithm).__init__)
    return {k for k in sig.parameters if k not in ("self", "params")}


# ----------------------------------------------------------------------------------------------------------
# the problem of FORMAT.md 4.1


def spd(rng, n, lo=0.5, hi=2.5):
    if n == 0:
        return torch.zeros(0, 0)
    q, _ = torch.linalg.qr(torch.tensor([[rng.gauss(0, 1) for _ in range(n)] for _ in range(n)]))
    ev = torch.tensor([rng.uniform(lo, hi) for _ in range(n)])
    a = q @ torch.diag(ev) @ q.T
    return (a + a.T) / 2


def make_problem(rng, shapes, c):
    A, b = [], []
    for s in shapes:
        n = int(math.prod(s))
        A.append(spd(rng, n))
        b.append(torch.tensor([rng.gauss(0, 0.6) for _ in range(n)]))
    return {"A": A, "b": b, "c": c}


def loss_autograd(problem, params):
    total = None
    for i, p in enumerate(params):
        v = p.reshape(-1)
        term = 0.5 * torch.dot(v, problem["A"][i] @ v) - torch.dot(problem["b"][i], v) + problem["c"] * torch.sum(v ** 4)
        total = term if total is None else total + term
    return total


def loss_and_grad_analytic(problem, params):
    """Implementation B: the same f and its analytic gradient, summed in another order."""
    total = 0.0
    grads = []
    c = problem["c"]
    for i, p in enumerate(params):
        v = p.detach().reshape(-1)
        av = (problem["A"][i] * v.unsqueeze(0)).sum(1)
        total = total + float((v * (0.5 * av - problem["b"][i]) + c * v * v * v * v).flip(0).sum())
        grads.append((av - problem["b"][i] + 4 * c * v * v * v).reshape(p.shape))
    return total, grads


# ----------------------------------------------------------------------------------------------------------
# 2.x resolution of options


def resolve_group(algorithm, options, overrides):
    """A group's param_groups entry as torch 2.13 writes it: its own keys first, then the defaults."""
    defaults = dict(DEFAULTS_2X[algorithm])
    defaults.update(options)
    out = {}
    for k, v in overrides.items():
        out[k] = v
    for k, _ in DEFAULTS_2X[algorithm]:
        if k not in out:
            out[k] = defaults[k]
    for k in options:
        if k not in out:
            out[k] = options[k]
    if algorithm == "LBFGS" and out["max_eval"] is None:
        out["max_eval"] = out["max_iter"] * 5 // 4
    return out


class Emulation:
    """Per-group 2.x behaviour that torch 1.13 lacks, applied around optimizer.step()."""

    def __init__(self, algorithm, resolved):
        self.negate = algorithm == "RAdam" and resolved["maximize"]
        wd = resolved.get("weight_decay", 0)
        self.decay = (algorithm in ("Adam", "RAdam") and resolved.get("decoupled_weight_decay", False) and wd != 0)
        self.factor = 1 - resolved["lr"] * wd if self.decay else None

    def torch_overrides(self, algorithm, resolved):
        known = keys_113(algorithm)
        out = {}
        for k, v in resolved.items():
            if k in known and k not in BOOKKEEPING:
                out[k] = tuple(v) if isinstance(v, list) else v
        if self.decay:
            out["weight_decay"] = 0
        return out


def build_torch(algorithm, options, groups, params):
    resolved = [resolve_group(algorithm, options, {k: v for k, v in g.items() if k != "params"}) for g in groups]
    emus = [Emulation(algorithm, r) for r in resolved]
    torch_groups = []
    for g, r, e in zip(groups, resolved, emus):
        d = e.torch_overrides(algorithm, r)
        d["params"] = [params[i] for i in g["params"]]
        torch_groups.append(d)
    known = keys_113(algorithm)
    ctor = {k: (tuple(v) if isinstance(v, list) else v) for k, v in options.items()
            if k in known and k not in BOOKKEEPING and k != "decoupled_weight_decay"}
    if algorithm == "SGD" and "lr" not in ctor:
        ctor["lr"] = 1e-3
    if algorithm == "LBFGS":
        return torch.optim.LBFGS(torch_groups[0]["params"], **{k: v for k, v in torch_groups[0].items() if k != "params"}), resolved, emus
    return getattr(torch.optim, algorithm)(torch_groups, **ctor), resolved, emus


# ----------------------------------------------------------------------------------------------------------
# the 2.x line-search budget

_EVALS = {"n": 0, "max_eval": None, "hit": False}
_orig_strong_wolfe = lbfgs_module._strong_wolfe


def _strong_wolfe_2x(obj_func, x, t, d, f, g, gtd, c1=1e-4, c2=0.9, tolerance_change=1e-9, max_ls=25):
    budget = _EVALS["max_eval"] - _EVALS["n"]
    out = _orig_strong_wolfe(obj_func, x, t, d, f, g, gtd, c1, c2, tolerance_change, max_ls=budget)
    if out[3] == budget + 1:
        _EVALS["hit"] = True
    return out


lbfgs_module._strong_wolfe = _strong_wolfe_2x


# ----------------------------------------------------------------------------------------------------------
# running a case


def run(case, params0, problem, analytic=False):
    algorithm = case["algorithm"]
    params = [p.clone().requires_grad_(True) for p in params0]
    opt, resolved, emus = build_torch(algorithm, case["options"], case["param_groups"], params)
    group_of = {}
    for gi, g in enumerate(case["param_groups"]):
        for i in g["params"]:
            group_of[i] = gi

    def fill_grads():
        if analytic:
            loss, grads = loss_and_grad_analytic(problem, params)
            for p, g in zip(params, grads):
                p.grad = g.clone()
            return loss
        for p in params:
            p.grad = None
        loss = loss_autograd(problem, params)
        loss.backward()
        return float(loss)

    losses, trajectory, trace = [], [], []
    grads0 = None
    if algorithm == "LBFGS":
        _EVALS["max_eval"] = resolved[0]["max_eval"]
        _EVALS["hit"] = False

        def closure():
            _EVALS["n"] += 1
            with torch.enable_grad():
                loss = fill_grads()
            return torch.tensor(loss)

        for _ in range(case["steps"]):
            _EVALS["n"] = 0
            losses.append(float(opt.step(closure)))
            trajectory.append([p.detach().clone() for p in params])
            st = opt.state[params[0]]
            trace.append({"n_iter": int(st["n_iter"]), "func_evals": int(st["func_evals"])})
    else:
        for step in range(case["steps"]):
            loss = fill_grads()
            if step == 0:
                grads0 = [p.grad.detach().clone() for p in params]
            losses.append(loss)
            with torch.no_grad():
                for i, p in enumerate(params):
                    e = emus[group_of[i]]
                    if e.negate:
                        p.grad.neg_()
                    if e.decay:
                        p.mul_(e.factor)
            opt.step()
            trajectory.append([p.detach().clone() for p in params])
    state = []
    for i, p in enumerate(params):
        st = {}
        for k, v in opt.state[p].items():
            if algorithm == "SGD" and k == "momentum_buffer" and v is None:
                continue  # 2.x keeps no momentum_buffer without momentum
            if k == "step" and algorithm in INT_STEP_113:
                v = torch.tensor(float(v))
            st[k] = value_json(v)
        state.append(st)
    groups_out = []
    for g, r in zip(case["param_groups"], resolved):
        d = dict(r)
        d["params"] = list(g["params"])
        groups_out.append(d)
    check_113_groups(opt, resolved, emus, algorithm)
    return {
        "losses": losses,
        "trajectory": [[tensor_json(t) for t in row] for row in trajectory],
        "grads0": None if grads0 is None else [tensor_json(g) for g in grads0],
        "final_state": {"state": state, "param_groups": groups_out},
        "lbfgs_trace": trace if algorithm == "LBFGS" else None,
        "budget_hit": _EVALS["hit"] if algorithm == "LBFGS" else False,
    }


def check_113_groups(opt, resolved, emus, algorithm):
    """The generator's 2.x resolution must agree with torch 1.13 on every option both have."""
    for g113, r, e in zip(opt.param_groups, resolved, emus):
        for k, v in g113.items():
            if k in ("params", "initial_lr") or k in BOOKKEEPING or k not in r:
                continue
            if k == "weight_decay" and e.decay:
                continue
            w = r[k]
            if isinstance(v, tuple):
                v = list(v)
            if v != w and not (v is None and w is None):
                raise AssertionError("%s: option %s: torch 1.13 has %r, 2.x resolution %r" % (algorithm, k, v, w))


def make_case(cid, algorithm, options, param_groups, shapes, steps, seed, c=0.05, note=None, first_order=True):
    rng = random.Random(seed)
    problem = make_problem(rng, shapes, c)
    params0 = [torch.tensor([rng.gauss(0, 0.8) for _ in range(int(math.prod(s)))]).reshape(s) for s in shapes]
    case = {"id": cid, "algorithm": algorithm, "options": options, "param_groups": param_groups, "steps": steps}
    a = run(case, params0, problem)
    b = run(case, params0, problem, analytic=True)
    if algorithm == "LBFGS" and a["lbfgs_trace"] != b["lbfgs_trace"]:
        return None, "LBFGS counts differ between implementations"
    floor_r, floor_a = (1e-9, 1e-11) if first_order else (1e-8, 1e-10)
    tol = {
        "trajectory": tolerance(a["trajectory"], [b["trajectory"]], floor_r, floor_a),
        "losses": tolerance(a["losses"], [b["losses"]], floor_r, floor_a),
        "final_state": tolerance(a["final_state"]["state"], [b["final_state"]["state"]], floor_r, floor_a),
    }
    if tol["trajectory"]["rtol"] > 1e-7 or tol["losses"]["rtol"] > 1e-7:
        return None, "unstable: tolerance %r" % (tol,)
    if tol["final_state"]["rtol"] > 1e-6:
        tol["final_state"] = None
    ro = [abs(r["data"][0]) for st in a["final_state"]["state"] for r in (st.get("ro") or [])]
    if tol["final_state"] is not None and ro and max(ro) > 1e5:
        # converged: the L-BFGS history is dominated by rounding (FORMAT.md 2, the public lbfgs_5)
        tol["final_state"] = {"rtol": max(1e-6, tol["final_state"]["rtol"]), "atol": 1e-8}
        note = ((note + "; ") if note else "") + "converges: loose final-state tolerance (ro up to %.1g)" % max(ro)
    # informative sensitivity to a 1e-11 relative change of params0
    pert = [p * (1 + 1e-11 * (1 if k % 2 == 0 else -1)) for k, p in enumerate(params0)]
    cpert = run(case, pert, problem)
    amp = 0.0
    for ra, rc in zip(a["trajectory"], cpert["trajectory"]):
        for ta, tc in zip(ra, rc):
            for x, y in zip(ta["data"], tc["data"]):
                if x != 0:
                    amp = max(amp, abs(x - y) / abs(x) / 1e-11)
    out = {
        "id": cid,
        "algorithm": algorithm,
        "options": options,
        "param_groups": param_groups,
        "problem": {"A": [tensor_json(t) for t in problem["A"]], "b": [tensor_json(t) for t in problem["b"]],
                    "c": c},
        "params0": [tensor_json(p) for p in params0],
        "steps": steps,
        "losses": a["losses"],
        "trajectory": a["trajectory"],
    }
    if a["grads0"] is not None:
        out["grads0"] = a["grads0"]
    out["final_state"] = a["final_state"]
    if a["lbfgs_trace"] is not None:
        out["lbfgs_trace"] = a["lbfgs_trace"]
    out["tolerance"] = tol
    out["perturbation_amplification"] = float("%.3g" % amp)
    notes = [note] if note else []
    if a["budget_hit"]:
        notes.append("the strong-Wolfe search runs out of its 2.x budget max_eval - current_evals")
    if notes:
        out["note"] = "; ".join(notes)
    return out, None
