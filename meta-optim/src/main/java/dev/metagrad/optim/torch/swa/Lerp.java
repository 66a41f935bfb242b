package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.Tensor;

/** torch's {@code lerp} with a scalar weight, in the two-branch form its kernels use (FORMAT.md section 4.4). */
final class Lerp {
    private Lerp() {
    }

    /**
     * {@code a + w (b - a)} when {@code |w| < 0.5}, else {@code b - (b - a)(1 - w)}: the second form is exact at
     * {@code w = 1}, so an EMA with decay 0 returns the snapshot bit for bit.
     */
    static Tensor lerp(Tensor a, Tensor b, double w) {
        Tensor diff = b.sub(a);
        return Math.abs(w) < 0.5 ? a.add(diff.mul(w)) : b.sub(diff.mul(1 - w));
    }
}
