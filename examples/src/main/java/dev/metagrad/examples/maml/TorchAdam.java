package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.optim.Adam} without weight decay, amsgrad or maximize, exactly in the operation order of
 * its single-tensor CPU path (FORMAT.md section 4.4, FORMAT-maml.md M.4):
 * {@code m += (1-b1)(g-m); v = b2 v + (1-b2) g g; denom = sqrt(v)/sqrt(bc2) + eps; p -= (lr/bc1) m/denom}.
 * The arithmetic runs in float64 whatever the parameters' dtype; results are cast back to it.
 */
public final class TorchAdam implements OuterOptimizer {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private double[][] m;
    private double[][] v;
    private int t;

    /**
     * An optimizer with zero state.
     *
     * @throws IllegalArgumentException for a negative learning rate or eps, or betas outside [0, 1)
     */
    public TorchAdam(double lr, double beta1, double beta2, double eps) {
        if (!(lr >= 0) || !(eps >= 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("TorchAdam: invalid hyper-parameters lr=" + lr + " betas=(" + beta1
                    + ", " + beta2 + ") eps=" + eps);
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    public List<Tensor> step(List<Tensor> params, List<Tensor> grads) {
        if (params.size() != grads.size()) {
            throw new IllegalArgumentException("TorchAdam: " + params.size() + " parameters but " + grads.size() + " gradients");
        }
        if (m == null) {
            m = new double[params.size()][];
            v = new double[params.size()][];
            for (int i = 0; i < params.size(); i++) {
                m[i] = new double[params.get(i).numel()];
                v[i] = new double[params.get(i).numel()];
            }
        }
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        double stepSize = lr / bc1;
        double bc2Sqrt = Math.sqrt(bc2);
        List<Tensor> out = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            double[] w = p.toDoubleArray();
            double[] g = grads.get(i).toDoubleArray();
            if (g.length != w.length || m[i].length != w.length) {
                throw new IllegalArgumentException("TorchAdam: parameter " + i + " has " + w.length
                        + " elements but its gradient or state has " + g.length);
            }
            for (int j = 0; j < w.length; j++) {
                m[i][j] += (1 - beta1) * (g[j] - m[i][j]);
                v[i][j] = beta2 * v[i][j] + (1 - beta2) * g[j] * g[j];
                double denom = Math.sqrt(v[i][j]) / bc2Sqrt + eps;
                w[j] -= stepSize * (m[i][j] / denom);
            }
            out.add(Tensor.of(w, p.dtype(), p.shape()).requiresGrad(true));
        }
        return List.copyOf(out);
    }
}
