package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

/**
 * Tensor helpers with torch's exact evaluation order, shared by the algorithms. All are differentiable
 * compositions of {@link Tensor} ops.
 */
public final class TensorOps {
    private TensorOps() {
    }

    /**
     * {@code torch.lerp(a, b, w)} with a scalar weight, evaluated as torch's kernel does so the rounding matches:
     * <pre>
     *   a + w (b - a)          if |w| &lt; 0.5
     *   b - (b - a) (1 - w)    otherwise
     * </pre>
     * torch 2.x writes first-moment EMAs as {@code m = lerp(m, g, 1 - beta1)}.
     */
    public static Tensor lerp(Tensor a, Tensor b, double w) {
        Tensor diff = b.sub(a);
        return Math.abs(w) < 0.5 ? a.add(diff.mul(w)) : b.sub(diff.mul(1.0 - w));
    }

    /** {@code torch.addcdiv(p, a, b, value=s)} = {@code p + s · a / b}, evaluated as {@code p + (s·a)/b}. */
    public static Tensor addcdiv(Tensor p, Tensor a, Tensor b, double s) {
        return p.add(a.mul(s).div(b));
    }

    /** {@code torch.addcmul(p, a, b, value=s)} = {@code p + s · a · b}, evaluated as {@code p + (s·a)·b}. */
    public static Tensor addcmul(Tensor p, Tensor a, Tensor b, double s) {
        return p.add(a.mul(s).mul(b));
    }
}
