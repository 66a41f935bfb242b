#!/usr/bin/env python3
"""PyTorch baseline for ImplicitRidgeBenchmark: one implicit hypergradient of per-feature ridge regression.

Needs only PyTorch (Debian: `apt-get install -y python3-torch`, then run with the system python3;
TorchOpt itself is not packaged). It does what TorchOpt's
`custom_root(optimality, argnums=1, solve=solve_cg(...))` does for a ridge solver written with
`solve_cg`, with plain torch:

  inner   w*(l) = argmin_w 0.5 ||X w - y||^2 + 0.5 sum_j exp(l_j) w_j^2, solved by CG (no graph)
  F(w, l) = X^T (X w - y) + exp(l) * w   (the inner objective's gradient, by autograd, create_graph)
  outer   L(w) = mean((X_val w - y_val)^2)
  dL/dl   = -(dF/dl)^T v  with  (dF/dw)^T v = dL/dw  solved by CG, each matvec a VJP through F

CG is TorchOpt's (= JAX's) `_cg_solve`: stop when ||r||^2 <= max(tol^2 ||b||^2, atol^2) or after
maxiter iterations. The data are drawn from SplitMix64 so that metagrad's benchmark sees the very
same numbers (uniform doubles in [-1, 1): X, w_true, noise; loglam_j = 0.5 u_j), and the script
prints the hypergradient's first entries and norm for comparison. The last line is the median
milliseconds per hypergradient (forward solve + backward):

    /usr/bin/python3 implicit_ridge_torch.py --n 200 --d 20 --threads 1
"""
import argparse, statistics, time
import torch

MASK = (1 << 64) - 1


class SplitMix64:
    """SplitMix64 (Steele, Lea, Flood 2014); doubles from the top 53 bits, as metagrad's benchmark draws them."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next_long(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self, n):
        """n doubles in [-1, 1)."""
        return [2.0 * ((self.next_long() >> 11) * 2.0 ** -53) - 1.0 for _ in range(n)]


def problem(n, d, seed):
    g = SplitMix64(seed)
    x_tr = torch.tensor(g.uniform(n * d), dtype=torch.float64).reshape(n, d)
    x_val = torch.tensor(g.uniform(n * d), dtype=torch.float64).reshape(n, d)
    w_true = torch.tensor(g.uniform(d), dtype=torch.float64)
    y_tr = x_tr @ w_true + 0.5 * torch.tensor(g.uniform(n), dtype=torch.float64)
    y_val = x_val @ w_true + 0.5 * torch.tensor(g.uniform(n), dtype=torch.float64)
    loglam = 0.5 * torch.tensor(g.uniform(d), dtype=torch.float64)
    return x_tr, y_tr, x_val, y_val, loglam


def cg(matvec, b, x0, maxiter, tol, atol=0.0):
    """TorchOpt's _cg_solve (from JAX), on one tensor; returns (x, iterations)."""
    atol2 = max(tol ** 2 * float(b.dot(b)), atol ** 2)
    x = x0
    r = b - matvec(x0)
    p = r
    gamma = r.dot(r)
    k = 0
    while float(gamma) > atol2 and k < maxiter:
        ap = matvec(p)
        alpha = gamma / p.dot(ap)
        x = x + alpha * p
        r = r - alpha * ap
        gamma_ = r.dot(r)
        p = r + (gamma_ / gamma) * p
        gamma = gamma_
        k += 1
    return x, k


def hypergradient(x_tr, y_tr, x_val, y_val, loglam, tol, maxiter):
    # forward: the inner solve, not recorded (TorchOpt's custom_root runs the solver under no_grad)
    with torch.no_grad():
        lam = loglam.exp()
        b = x_tr.t() @ y_tr
        w, it_fwd = cg(lambda u: x_tr.t() @ (x_tr @ u) + lam * u, b, torch.zeros_like(b), maxiter, tol)
    # the outer loss and its gradient at the solution
    w = w.detach().requires_grad_(True)
    loss = ((x_val @ w - y_val) ** 2).mean()
    (dl_dw,) = torch.autograd.grad(loss, w)
    # optimality F(w, l): gradient of the inner objective, kept as a graph for VJPs
    l = loglam.detach().requires_grad_(True)
    inner = 0.5 * ((x_tr @ w - y_tr) ** 2).sum() + 0.5 * (l.exp() * w * w).sum()
    (f,) = torch.autograd.grad(inner, w, create_graph=True)
    # (dF/dw)^T v = dL/dw by CG, every matvec a VJP through F (retain_graph)
    v, it_bwd = cg(lambda u: torch.autograd.grad(f, w, u, retain_graph=True)[0], dl_dw, torch.zeros_like(dl_dw),
                   maxiter, tol)
    (g,) = torch.autograd.grad(f, l, v)
    return loss.detach(), -g, it_fwd, it_bwd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--n', type=int, default=200)
    ap.add_argument('--d', type=int, default=20)
    ap.add_argument('--tol', type=float, default=1e-10)
    ap.add_argument('--maxiter', type=int, default=None, help='CG iteration limit (default 10 d, as TorchOpt)')
    ap.add_argument('--reps', type=int, default=300)
    ap.add_argument('--warmup', type=int, default=50)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--seed', type=int, default=42)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    if a.maxiter is None:
        a.maxiter = 10 * a.d
    data = problem(a.n, a.d, a.seed)
    loss, g, it_fwd, it_bwd = hypergradient(*data, a.tol, a.maxiter)

    # check against the dense implicit-function-theorem formula: dL/dl = -diag(lam w) A^-1 dL/dw
    x_tr, y_tr, x_val, y_val, loglam = data
    lam = loglam.exp()
    a_mat = x_tr.t() @ x_tr + torch.diag(lam)
    w = torch.linalg.solve(a_mat, x_tr.t() @ y_tr)
    dl_dw = 2 * x_val.t() @ (x_val @ w - y_val) / a.n
    dense = -lam * w * torch.linalg.solve(a_mat, dl_dw)
    err = float((g - dense).abs().max())
    print(f'torch {torch.__version__}, threads {a.threads}: n={a.n} d={a.d}, CG iterations forward {it_fwd}, '
          f'backward {it_bwd}; validation loss {float(loss):.12g}')
    print('hypergradient[:4] ' + ' '.join(f'{v:.12e}' for v in g[:4].tolist())
          + f'; norm {float(g.norm()):.12e}; max |CG - dense| {err:.1e}')
    if err > 1e-8 * max(1.0, float(dense.abs().max())):
        raise SystemExit(f'hypergradient differs from the dense formula by {err}')

    ts = []
    for r in range(a.warmup + a.reps):
        t0 = time.perf_counter()
        hypergradient(*data, a.tol, a.maxiter)
        ts.append((time.perf_counter() - t0) * 1e3)
    print(f'ms per hypergradient: {statistics.median(ts[a.warmup:]):.3f}')


if __name__ == '__main__':
    main()
