#!/usr/bin/env python3
"""Generate variant cases of torchopt.json's kinds "linear_solve" and "implicit".

An independent numpy re-implementation of FORMAT-torchopt.md §8 (CG core, solve_cg, solve_normal_cg,
solve_inv, linalg.ns, linalg.ns_inv) and §9 (custom_root hypergradients of the "ridge" and
"fixed_point" problems), written from the document only (no torch, no TorchOpt, no Java code).
The cases use other seeds, sizes and option combinations than the public file, in exactly its
schema, so the Java golden kinds can be run on them unchanged.

Usage: python3 gen_linear_implicit.py [OUT.json]      (default: stdout)
       python3 gen_linear_implicit.py --check FILE.json ...
              recompute every linear_solve / implicit case of golden files (the public torchopt.json,
              or the generated file) with this implementation and report the fields that differ

Every CG stopping test that decides the outcome keeps |rs/atol2 - 1| > 1e-6 and never continues
on a residual that is rounding noise (rs/b2 < 1e-20); a case that would is rejected and regenerated
with the next seed, so the numbers do not depend on summation order.
"""
import json
import sys

import numpy as np

MARGIN = 1e-6
NOISE = 1e-20
LS_TOL = {"x": {"rtol": 1e-9, "atol": 1e-11}}
RIDGE_TOL = {"w_star": {"rtol": 1e-9, "atol": 1e-11}, "outer_loss": {"rtol": 1e-10, "atol": 1e-12},
             "grads": {"rtol": 1e-8, "atol": 1e-10}}
AUX_TOL = {"rtol": 1e-9, "atol": 1e-11}
FP_TOL = {"x_star": {"rtol": 1e-12, "atol": 1e-14}, "outer_loss": {"rtol": 1e-10, "atol": 1e-12},
          "grads": {"rtol": 1e-8, "atol": 1e-10}}


class Ambiguous(Exception):
    """A stopping test too close to its threshold (or on noise) for a reproducible iteration count."""


def enc(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def dec(t):
    return np.array(t["data"], dtype=np.float64).reshape(t["shape"])


def opt_tensor(options, key):
    v = options.get(key)
    return None if v is None else dec(v)


def opt(options, key, default=None):
    v = options.get(key)
    return default if v is None else v


# ---------------------------------------------------------------- §8.1 CG core

def dot(u, v):
    return float(np.sum(np.asarray(u) * np.asarray(v)))


def matmul(A, v):
    """A v; a 0-dim A is the scalar operator v -> a v on 0-dim v."""
    return A * v if np.ndim(A) == 0 else A @ v


def ident(b):
    return 1.0 if np.ndim(b) == 0 else np.eye(len(b))


def cg(matvec, b, x0=None, rtol=1e-5, atol=0.0, maxiter=None, M=None):
    """torchopt.linalg.cg; returns (x, k). M is a matrix or None."""
    b = np.asarray(b, dtype=np.float64)
    if maxiter is None:
        maxiter = 10 * sum(b.shape)
    b2 = dot(b, b)
    atol2 = max(rtol ** 2 * b2, atol ** 2)
    x = np.zeros_like(b) if x0 is None else np.array(x0, dtype=np.float64)
    r = b - matvec(x)
    z = r if M is None else M @ r
    p = z
    gamma = dot(r, z)
    k = 0
    while True:
        rs = gamma if M is None else dot(r, r)
        if k < maxiter:
            if atol2 > 0 and abs(rs / atol2 - 1.0) <= MARGIN:
                raise Ambiguous(f"rs/atol2 = {rs / atol2} at k = {k}")
            if rs > atol2 and b2 > 0 and rs / b2 < NOISE:
                raise Ambiguous(f"continues on a noise-level residual rs/b2 = {rs / b2} at k = {k}")
        if not (rs > atol2 and k < maxiter):
            break
        ap = matvec(p)
        alpha = gamma / dot(p, ap)
        x = x + alpha * p
        r = r - alpha * ap
        z = r if M is None else M @ r
        gamma_new = dot(r, z)
        beta = gamma_new / gamma
        gamma = gamma_new
        p = z + beta * p
        k += 1
    return x, k


def cg_kwargs(options):
    kw = {}
    for key in ("rtol", "atol"):
        if options.get(key) is not None:
            kw[key] = float(options[key])
    if options.get("maxiter") is not None:
        kw["maxiter"] = int(options["maxiter"])
    if options.get("M") is not None:
        kw["M"] = dec(options["M"])
    return kw


# ---------------------------------------------------------------- §8.2 solvers (on a matrix operator)

def solve_cg(A, b, options):
    ridge = options.get("ridge")
    Aeff = A if ridge is None else A + float(ridge) * ident(b)
    x, k = cg(lambda v: matmul(Aeff, v), b, x0=opt_tensor(options, "init"), **cg_kwargs(options))
    return x, k, exact_solve(Aeff, b)


def solve_normal_cg(A, b, options):
    ridge = options.get("ridge")
    At = np.transpose(A)
    N = matmul(At, A)
    if ridge is not None:
        N = N + float(ridge) * ident(b)
    rhs = matmul(At, b)

    def normal(v):
        return matmul(At, matmul(A, v)) if ridge is None else matmul(At, matmul(A, v)) + float(ridge) * v

    x, k = cg(normal, rhs, x0=opt_tensor(options, "init"), **cg_kwargs(options))
    return x, k, exact_solve(N, rhs)


def exact_solve(A, b):
    return np.asarray(b / A) if np.ndim(b) == 0 else np.linalg.solve(A, b)


def ns(A, b, maxiter=None, alpha=None):
    maxiter = 10 if maxiter is None else int(maxiter)
    v = b
    s = b
    for _ in range(maxiter):
        v = v - (A @ v if alpha is None else float(alpha) * (A @ v))
        s = s + v
    return s if alpha is None else float(alpha) * s


def ns_inv(A, maxiter=None, alpha=None):
    maxiter = 10 if maxiter is None else int(maxiter)
    n = A.shape[0]
    Mx = np.eye(n) - (A if alpha is None else float(alpha) * A)
    total = np.zeros((n, n))
    power = np.eye(n)
    for _ in range(maxiter):
        total = total + power
        power = power @ Mx
    return total if alpha is None else float(alpha) * total


def solve_inv(A, b, options):
    ridge = opt(options, "ridge")
    if np.ndim(b) == 0:
        a = float(A) + (0.0 if ridge is None else float(ridge))
        x = np.float64(b) / a
        return np.asarray(x), None, np.asarray(x)
    Aeff = A if ridge is None else A + float(ridge) * np.eye(len(b))
    exact = np.linalg.solve(Aeff, b)
    if opt(options, "ns", False):
        return ns(Aeff, b, options.get("maxiter"), options.get("alpha")), None, exact
    return exact, None, exact


SOLVE = {"solve_cg": solve_cg, "solve_normal_cg": solve_normal_cg, "solve_inv": solve_inv}


# ---------------------------------------------------------------- matrices

def spd(rng, n, lo, hi):
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return (q * rng.uniform(lo, hi, n)) @ q.T


def nonsym(rng, n, lo, hi):
    q1, _ = np.linalg.qr(rng.standard_normal((n, n)))
    q2, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return (q1 * rng.uniform(lo, hi, n)) @ q2.T


def jacobi(A, rng):
    return np.diag(rng.uniform(0.8, 1.2, A.shape[0]) / np.diag(A))


# ---------------------------------------------------------------- linear_solve cases

def linear_case(cid, solver, build, seed):
    """build(rng) -> (A, b, options); retries with the next seed while a stopping test is ambiguous."""
    for attempt in range(50):
        rng = np.random.default_rng(seed + 1000 * attempt)
        A, b, options = build(rng)
        enc_options = {k: (enc(v) if isinstance(v, np.ndarray) else v) for k, v in options.items()}
        try:
            if solver == "linalg.ns_inv":
                x = ns_inv(A, options.get("maxiter"), options.get("alpha"))
                return {"id": cid, "kind": "linear_solve", "solver": solver, "options": enc_options, "A": enc(A),
                        "b": None, "x": enc(x), "exact": enc(np.linalg.inv(A)), "tolerance": LS_TOL}
            if solver == "linalg.ns":
                x, k, exact = ns(A, b, options.get("maxiter"), options.get("alpha")), None, np.linalg.solve(A, b)
            elif solver == "linalg.cg":
                M = options.get("M")
                x0 = options.get("x0")
                kw = {key: options[key] for key in ("rtol", "atol", "maxiter") if options.get(key) is not None}
                x, k = cg(lambda v: A @ v, b, x0=x0, M=M, **kw)
                exact = np.linalg.solve(A, b)
            else:
                x, k, exact = SOLVE[solver](A, b, enc_options)
        except Ambiguous:
            continue
        case = {"id": cid, "kind": "linear_solve", "solver": solver, "options": enc_options, "A": enc(A), "b": enc(b)}
        if k is not None:
            case["iterations"] = k
        case.update({"exact": enc(exact), "x": enc(x), "tolerance": LS_TOL})
        return case
    raise RuntimeError(cid + ": no unambiguous seed")


def linear_cases():
    out = []

    def add(solver, build, seed):
        name = solver.replace(".", "_")
        out.append(linear_case(f"linear_solve_{name}_v{len(out) + 1}", solver, build, seed))

    def vec(rng, n):
        return rng.standard_normal(n)

    # linalg.cg: x0, M, tolerances, maxiter hit
    add("linalg.cg", lambda r: (spd(r, 9, 0.3, 4.0), vec(r, 9), {}), 101)
    add("linalg.cg", lambda r: (lambda A: (A, vec(r, 8), {"M": jacobi(A, r), "x0": vec(r, 8)}))(spd(r, 8, 0.2, 6.0)), 102)
    add("linalg.cg", lambda r: (lambda A: (A, vec(r, 8), {"x0": vec(r, 8), "maxiter": 2, "M": jacobi(A, r)}))(
        spd(r, 8, 0.2, 6.0)), 103)
    add("linalg.cg", lambda r: (lambda A: (A, vec(r, 7), {"M": np.linalg.inv(A + 0.3 * spd(r, 7, 0.1, 1.0)),
                                                           "rtol": 1e-8}))(spd(r, 7, 0.5, 3.0)), 104)
    add("linalg.cg", lambda r: (spd(r, 10, 0.3, 4.0), vec(r, 10), {"rtol": 0, "atol": 1e-3}), 105)
    add("linalg.cg", lambda r: (spd(r, 10, 0.3, 4.0), vec(r, 10), {"rtol": 1e-3, "atol": 0.5}), 106)
    add("linalg.cg", lambda r: (spd(r, 10, 0.3, 4.0), vec(r, 10), {"maxiter": 4}), 107)
    add("linalg.cg", lambda r: (spd(r, 6, 0.5, 2.0), vec(r, 6), {"x0": vec(r, 6), "atol": 0.05, "maxiter": 5}), 108)
    add("linalg.cg", lambda r: (spd(r, 5, 0.5, 2.0), vec(r, 5), {"x0": None, "M": None, "maxiter": None,
                                                                 "rtol": 1e-7}), 109)
    add("linalg.cg", lambda r: (lambda A: (A, vec(r, 6), {"M": jacobi(A, r), "rtol": 0.05, "atol": 0.0}))(
        spd(r, 6, 0.2, 5.0)), 110)
    add("linalg.cg", lambda r: (spd(r, 4, 0.5, 2.0), vec(r, 4), {"maxiter": 0}), 111)
    add("linalg.cg", lambda r: (spd(r, 4, 0.5, 2.0), vec(r, 4), {"atol": 100, "x0": vec(r, 4)}), 112)
    add("linalg.cg", lambda r: (spd(r, 24, 0.2, 5.0), vec(r, 24), {"rtol": 1e-7}), 113)
    add("linalg.cg", lambda r: (lambda A: (A, vec(r, 30), {"M": jacobi(A, r), "x0": vec(r, 30), "maxiter": 12}))(
        spd(r, 30, 0.1, 8.0)), 114)
    # solve_cg
    add("solve_cg", lambda r: (spd(r, 8, 0.3, 3.0), vec(r, 8), {"ridge": 0.25, "init": vec(r, 8), "maxiter": 3}), 201)
    add("solve_cg", lambda r: (spd(r, 7, 0.3, 3.0), vec(r, 7), {"ridge": 1}), 202)
    add("solve_cg", lambda r: (lambda A: (A, vec(r, 9), {"M": jacobi(A, r), "maxiter": 4}))(spd(r, 9, 0.2, 5.0)), 203)
    add("solve_cg", lambda r: (spd(r, 6, 0.3, 3.0), vec(r, 6), {"rtol": 0.0, "atol": 1e-4}), 204)
    add("solve_cg", lambda r: (spd(r, 10, 0.3, 3.0), vec(r, 10), {"init": vec(r, 10), "rtol": 0.01}), 205)
    add("solve_cg", lambda r: (spd(r, 5, 0.3, 3.0), vec(r, 5), {"maxiter": 1, "ridge": None}), 206)
    add("solve_cg", lambda r: (spd(r, 4, 0.3, 3.0), vec(r, 4), {"ridge": 0.5, "atol": 0.2, "rtol": 0.0,
                                                                "init": vec(r, 4)}), 207)
    add("solve_cg", lambda r: (lambda A: (A, vec(r, 6), {"M": jacobi(A, r), "ridge": 0.4, "init": vec(r, 6)}))(
        spd(r, 6, 0.2, 5.0)), 208)
    # 0-dim b: the default maxiter 10 * (sum of b's dims) is 0, so CG returns its start (§8.1, §11.7)
    add("solve_cg", lambda r: (np.float64(r.uniform(0.5, 2.0)), np.float64(r.standard_normal()), {}), 209)
    add("solve_cg", lambda r: (np.float64(r.uniform(0.5, 2.0)), np.float64(r.standard_normal()),
                               {"maxiter": 2, "ridge": 0.5}), 210)
    # solve_normal_cg (non-symmetric A)
    add("solve_normal_cg", lambda r: (nonsym(r, 7, 0.7, 2.0), vec(r, 7), {"ridge": 0.2, "init": vec(r, 7),
                                                                          "maxiter": 2}), 301)
    add("solve_normal_cg", lambda r: (lambda A: (A, vec(r, 6), {"M": np.diag(1.0 / np.diag(A.T @ A))}))(
        nonsym(r, 6, 0.5, 2.0)), 302)
    add("solve_normal_cg", lambda r: (nonsym(r, 9, 0.6, 2.0), vec(r, 9), {"rtol": 0.01}), 303)
    add("solve_normal_cg", lambda r: (nonsym(r, 5, 0.6, 2.0), vec(r, 5), {"rtol": 0, "atol": 0.001}), 304)
    add("solve_normal_cg", lambda r: (nonsym(r, 3, 0.6, 2.0), vec(r, 3), {"ridge": 1.5}), 305)
    add("solve_normal_cg", lambda r: (nonsym(r, 8, 0.6, 2.0), vec(r, 8), {"init": vec(r, 8), "maxiter": 4,
                                                                          "rtol": 1e-9}), 306)
    add("solve_normal_cg", lambda r: (nonsym(r, 5, 0.6, 2.0), vec(r, 5), {"maxiter": 0, "init": vec(r, 5)}), 309)
    add("solve_normal_cg", lambda r: (np.float64(-r.uniform(0.5, 2.0)), np.float64(r.standard_normal()),
                                      {"ridge": 0.5}), 307)
    add("solve_normal_cg", lambda r: (np.float64(-r.uniform(0.5, 2.0)), np.float64(r.standard_normal()),
                                      {"maxiter": 3}), 308)
    # solve_inv: dense, ns with and without alpha / maxiter / ridge, 0-dim b
    add("solve_inv", lambda r: (nonsym(r, 9, 0.5, 2.0), vec(r, 9), {}), 401)
    add("solve_inv", lambda r: (spd(r, 7, 0.5, 2.0), vec(r, 7), {"ridge": 2}), 402)
    add("solve_inv", lambda r: (spd(r, 7, 0.5, 2.0), vec(r, 7), {"ns": False, "maxiter": 3, "alpha": 0.3}), 403)
    add("solve_inv", lambda r: (spd(r, 8, 0.05, 0.8), vec(r, 8), {"ns": True, "ridge": 0.3}), 404)
    add("solve_inv", lambda r: (lambda A: (A, vec(r, 8), {"ns": True, "ridge": 0.5, "maxiter": 30,
                                                          "alpha": 0.9 / (np.linalg.eigvalsh(A).max() + 0.5)}))(
        spd(r, 8, 0.5, 3.0)), 405)
    add("solve_inv", lambda r: (spd(r, 6, 0.05, 0.9), vec(r, 6), {"ns": True, "maxiter": 1}), 406)
    add("solve_inv", lambda r: (spd(r, 6, 0.5, 2.5), vec(r, 6), {"ns": True, "alpha": 0.4}), 407)
    add("solve_inv", lambda r: (spd(r, 6, 0.05, 0.9), vec(r, 6), {"ns": True, "maxiter": 0, "alpha": 0.7}), 408)
    add("solve_inv", lambda r: (np.float64(r.uniform(0.5, 2.0)), np.float64(r.standard_normal()), {}), 409)
    add("solve_inv", lambda r: (np.float64(r.uniform(0.5, 2.0)), np.float64(r.standard_normal()),
                                {"ridge": 0.25, "ns": True, "maxiter": 3}), 410)
    add("solve_inv", lambda r: (np.float64(-r.uniform(0.5, 2.0)), np.float64(r.standard_normal()),
                                {"ridge": 3, "ns": False}), 411)
    # linalg.ns
    add("linalg.ns", lambda r: (spd(r, 8, 0.05, 0.9), vec(r, 8), {}), 501)
    add("linalg.ns", lambda r: (spd(r, 7, 0.5, 3.0), vec(r, 7), {"maxiter": 20, "alpha": 0.5}), 502)
    add("linalg.ns", lambda r: (spd(r, 7, 0.05, 0.9), vec(r, 7), {"maxiter": 1}), 503)
    add("linalg.ns", lambda r: (spd(r, 5, 0.5, 2.5), vec(r, 5), {"alpha": 0.35}), 504)
    add("linalg.ns", lambda r: (spd(r, 5, 0.05, 0.9), vec(r, 5), {"maxiter": 0}), 505)
    add("linalg.ns", lambda r: (spd(r, 5, 0.05, 0.9), vec(r, 5), {"maxiter": 7, "alpha": 1}), 506)
    # linalg.ns_inv
    add("linalg.ns_inv", lambda r: (spd(r, 5, 0.05, 0.9), None, {}), 601)
    add("linalg.ns_inv", lambda r: (spd(r, 7, 0.5, 3.0), None, {"alpha": 0.45}), 602)
    add("linalg.ns_inv", lambda r: (spd(r, 4, 0.5, 3.0), None, {"maxiter": 1, "alpha": 0.3}), 603)
    add("linalg.ns_inv", lambda r: (spd(r, 6, 0.05, 0.9), None, {"maxiter": 15, "alpha": None}), 604)
    add("linalg.ns_inv", lambda r: (spd(r, 3, 0.05, 0.9), None, {"maxiter": 0}), 605)
    return out


# ---------------------------------------------------------------- §9 implicit

def implicit_u(mop, gbar, solve):
    """u = solve(Mop, -gbar) with the §8 solver named by `solve` (None: solve_normal_cg())."""
    name, options = ("solve_normal_cg", {}) if solve is None else (solve["name"], solve.get("options") or {})
    x, k, _ = SOLVE[name](mop, -gbar, options)
    return x, k


def ridge_case(cid, seed, n, d, m, solve, argnums, has_aux=False):
    for attempt in range(50):
        rng = np.random.default_rng(seed + 1000 * attempt)
        X = rng.standard_normal((n, d))
        wtrue = rng.standard_normal(d)
        y = X @ wtrue + 0.5 * rng.standard_normal(n)
        Xv = rng.standard_normal((m, d))
        yv = Xv @ wtrue + 0.5 * rng.standard_normal(m)
        loglam = rng.uniform(-1.5, 1.5, d)
        lam = np.exp(loglam)
        H = X.T @ X + np.diag(lam)
        w = np.linalg.solve(H, X.T @ y)
        res_v = Xv @ w - yv
        outer = float(np.mean(res_v ** 2))
        gbar = (2.0 / m) * (Xv.T @ res_v)
        spec = solve(H) if callable(solve) else solve
        try:
            u, k = implicit_u(H.T, gbar, spec)
        except Ambiguous:
            continue
        ua = -np.linalg.solve(H.T, gbar)

        def grads(uu):
            g = {"loglam": lam * w * uu, "X": np.outer(X @ w - y, uu) + np.outer(X @ uu, w), "y": -(X @ uu)}
            return {a: enc(g[a]) for a in argnums}

        case = {"id": cid, "kind": "implicit", "problem": "ridge",
                "data": {"X": enc(X), "y": enc(y), "Xv": enc(Xv), "yv": enc(yv), "loglam": enc(loglam)},
                "solve": spec, "argnums": list(argnums), "has_aux": has_aux, "w_star": enc(w), "outer_loss": outer,
                "grads": grads(u), "analytic": grads(ua), "solver_iterations": k}
        tol = dict(RIDGE_TOL)
        if has_aux:
            inner = 0.5 * float(np.sum((X @ w - y) ** 2)) + 0.5 * float(np.sum(lam * w * w))
            case["aux"] = {"inner_objective": enc(np.float64(inner)), "num_iters": 1}
            tol["aux"] = AUX_TOL
        case["tolerance"] = tol
        return case
    raise RuntimeError(cid + ": no unambiguous seed")


def fixed_point_case(cid, seed, n, solve, argnums):
    for attempt in range(50):
        rng = np.random.default_rng(seed + 1000 * attempt)
        W = rng.standard_normal((n, n))
        W = W * (0.6 / np.linalg.norm(W, 2))
        theta = rng.standard_normal(n)
        target = rng.standard_normal(n)
        x = np.zeros(n)
        for _ in range(300):
            x = np.tanh(W @ x + theta)
        s = 1.0 - np.tanh(W @ x + theta) ** 2
        gbar = x - target
        outer = 0.5 * float(np.sum((x - target) ** 2))
        mop = np.eye(n) - W.T * s  # u -> u - W^T (s * u)
        spec = solve(mop) if callable(solve) else solve
        try:
            u, k = implicit_u(mop, gbar, spec)
        except Ambiguous:
            continue
        ua = -np.linalg.solve(mop, gbar)

        def grads(uu):
            g = {"theta": -s * uu, "W": -np.outer(s * uu, x)}
            return {a: enc(g[a]) for a in argnums}

        return {"id": cid, "kind": "implicit", "problem": "fixed_point",
                "data": {"W": enc(W), "theta": enc(theta), "target": enc(target)},
                "solve": spec, "argnums": list(argnums), "has_aux": False, "x_star": enc(x), "outer_loss": outer,
                "grads": grads(u), "analytic": grads(ua), "solver_iterations": k, "tolerance": FP_TOL}
    raise RuntimeError(cid + ": no unambiguous seed")


def S(name, **options):
    return {"name": name, "options": options}


def implicit_cases():
    out = []

    def ridge(seed, n, d, m, solve, argnums=("loglam",), has_aux=False):
        out.append(ridge_case(f"implicit_ridge_v{len(out) + 1}", seed, n, d, m, solve, argnums, has_aux))

    def fp(seed, n, solve, argnums=("theta",)):
        out.append(fixed_point_case(f"implicit_fixed_point_v{len(out) + 1}", seed, n, solve, argnums))

    def ns_alpha(factor):
        return lambda H: factor / float(np.linalg.eigvalsh((H + H.T) / 2).max())

    ridge(11, 40, 8, 25, S("solve_cg"))
    ridge(12, 40, 8, 25, S("solve_cg", ridge=0.5))
    ridge(13, 15, 3, 10, S("solve_cg", ridge=0.2, maxiter=2), ("loglam", "X"))
    ridge(14, 25, 6, 12, S("solve_cg", rtol=0, atol=1e-6))
    ridge(15, 10, 12, 15, S("solve_cg", rtol=1e-3), ("X",))
    ridge(16, 30, 5, 20, S("solve_normal_cg", maxiter=2))
    ridge(17, 30, 7, 20, S("solve_normal_cg", rtol=1e-3, ridge=0.3), ("X", "loglam"))
    ridge(18, 50, 6, 30, S("solve_normal_cg", ridge=1, maxiter=4, rtol=1e-12))
    ridge(19, 20, 4, 8, None, ("loglam", "X"))
    ridge(20, 20, 4, 8, S("solve_inv"), ("X",))
    ridge(21, 35, 6, 18, S("solve_inv", ridge=0.4), ("loglam", "X", "y"))
    ridge(22, 35, 6, 18, lambda H: S("solve_inv", ns=True, maxiter=20, alpha=ns_alpha(1.0)(H)))
    ridge(23, 35, 6, 18, lambda H: S("solve_inv", ns=True, ridge=0.5, maxiter=8, alpha=ns_alpha(0.8)(H)),
          ("loglam", "X"))
    ridge(24, 25, 5, 15, S("solve_cg", maxiter=3), ("loglam",), True)
    ridge(25, 25, 5, 15, lambda H: S("solve_inv", ns=True, maxiter=6, alpha=ns_alpha(0.9)(H)), ("X",), True)
    ridge(26, 25, 5, 15, None, ("loglam", "X"), True)
    ridge(27, 12, 2, 6, S("solve_inv", ridge=None, ns=False), ("y",))
    ridge(28, 22, 4, 9, S("solve_normal_cg", init=None, maxiter=None, rtol=1e-6))
    ridge(29, 120, 15, 40, S("solve_cg"), ("loglam", "X"))
    ridge(30, 200, 20, 50, None)
    fp(31, 3, None)
    fp(32, 8, S("solve_normal_cg", maxiter=3), ("theta", "W"))
    fp(33, 10, S("solve_normal_cg", rtol=1e-8, ridge=0.05), ("W",))
    fp(34, 6, S("solve_normal_cg", rtol=0, atol=1e-4))
    fp(35, 8, S("solve_inv"), ("W", "theta"))
    fp(36, 4, S("solve_inv", ridge=0.1), ("theta",))
    fp(37, 7, S("solve_inv", ns=True), ("theta", "W"))
    fp(38, 7, S("solve_inv", ns=True, maxiter=3), ("W",))
    fp(39, 9, S("solve_inv", ns=True, maxiter=15, alpha=0.8))
    fp(40, 9, S("solve_inv", ns=True, ridge=0.1, maxiter=12), ("theta", "W"))
    fp(41, 5, S("solve_cg", maxiter=3))
    fp(42, 6, S("solve_normal_cg", ridge=0.2, maxiter=5), ("W",))
    return out


def close(actual, expected, tol):
    a = np.asarray(actual, dtype=np.float64)
    e = np.asarray(expected, dtype=np.float64)
    if a.shape != e.shape:
        return False
    return bool(np.all(np.abs(a - e) <= tol["atol"] + tol["rtol"] * np.abs(e)))


def recompute(case):
    """Recomputes one linear_solve / implicit case of a golden file from its inputs; returns failed fields."""
    bad = []
    if case["kind"] == "linear_solve":
        A = dec(case["A"])
        options = case.get("options") or {}
        solver = case["solver"]
        if solver == "linalg.ns_inv":
            x, k = ns_inv(A, options.get("maxiter"), options.get("alpha")), None
        else:
            b = dec(case["b"])
            if solver == "linalg.ns":
                x, k = ns(A, b, options.get("maxiter"), options.get("alpha")), None
            elif solver == "linalg.cg":
                kw = cg_kwargs(options)
                x, k = cg(lambda v: A @ v, b, x0=opt_tensor(options, "x0"), **kw)
            else:
                x, k, _ = SOLVE[solver](A, b, options)
        if not close(x, dec(case["x"]), case["tolerance"]["x"]):
            bad.append("x")
        if case.get("iterations") is not None and k != case["iterations"]:
            bad.append(f"iterations {k} != {case['iterations']}")
        return bad
    d = {key: dec(v) for key, v in case["data"].items()}
    if case["problem"] == "ridge":
        X, y, Xv, yv, lam = d["X"], d["y"], d["Xv"], d["yv"], np.exp(d["loglam"])
        H = X.T @ X + np.diag(lam)
        z = np.linalg.solve(H, X.T @ y)
        res_v = Xv @ z - yv
        loss = float(np.mean(res_v ** 2))
        gbar = (2.0 / len(yv)) * (Xv.T @ res_v)
        mop = H.T
        sol_field = "w_star"
    else:
        W, theta, target = d["W"], d["theta"], d["target"]
        z = np.zeros(len(theta))
        for _ in range(300):
            z = np.tanh(W @ z + theta)
        s = 1.0 - np.tanh(W @ z + theta) ** 2
        loss = 0.5 * float(np.sum((z - target) ** 2))
        gbar = z - target
        mop = np.eye(len(theta)) - W.T * s
        sol_field = "x_star"
    u, k = implicit_u(mop, gbar, case.get("solve"))
    if case["problem"] == "ridge":
        g = {"loglam": lam * z * u, "X": np.outer(X @ z - y, u) + np.outer(X @ u, z), "y": -(X @ u)}
    else:
        g = {"theta": -s * u, "W": -np.outer(s * u, z)}
    tol = case["tolerance"]
    if not close(z, dec(case[sol_field]), tol[sol_field]):
        bad.append(sol_field)
    if not close(loss, case["outer_loss"], tol["outer_loss"]):
        bad.append("outer_loss")
    for name in case["argnums"]:
        if not close(g[name], dec(case["grads"][name]), tol["grads"]):
            bad.append("grads." + name)
    if case.get("solver_iterations") is not None and k != case["solver_iterations"]:
        bad.append(f"solver_iterations {k} != {case['solver_iterations']}")
    if case.get("has_aux"):
        inner = 0.5 * float(np.sum((X @ z - y) ** 2)) + 0.5 * float(np.sum(lam * z * z))
        if not close(inner, dec(case["aux"]["inner_objective"]), tol["aux"]) or case["aux"]["num_iters"] != 1:
            bad.append("aux")
    return bad


def check(path):
    """Recomputes every linear_solve and implicit case of a golden file (e.g. the public torchopt.json)."""
    with open(path) as f:
        doc = json.load(f)
    cases = [c for c in doc["cases"] if c["kind"] in ("linear_solve", "implicit")]
    failed = 0
    for c in cases:
        bad = recompute(c)
        if bad:
            failed += 1
            print(c["id"], "FAILED:", ", ".join(bad))
    print(f"{len(cases) - failed}/{len(cases)} cases of {path} reproduced")
    return failed == 0


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--check":
        sys.exit(0 if all(check(p) for p in sys.argv[2:]) else 1)
    doc = {"suite": "torchopt", "dtype": "float64",
           "generator": "tools/golden-variants/torchopt/gen_linear_implicit.py (numpy " + np.__version__
                        + ", FORMAT-torchopt.md §8-9, independent re-implementation)",
           "variant": "generated", "spec": "FORMAT-torchopt.md",
           "cases": linear_cases() + implicit_cases()}
    text = json.dumps(doc, indent=None, separators=(", ", ": "))
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
