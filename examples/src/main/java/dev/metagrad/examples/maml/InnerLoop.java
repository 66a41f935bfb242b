package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.Reduction;

import java.util.ArrayList;
import java.util.List;

/**
 * K steps of plain SGD on a task's support MSE, starting from theta (FORMAT-maml.md M.4). In second
 * order each gradient is taken with {@code createGraph}, so the adapted parameters stay differentiable
 * functions of theta through every step; in first order each gradient is computed on a detached copy and
 * is a constant, so the adapted parameters depend on theta only through the identity.
 */
public final class InnerLoop {
    private final MamlConfig config;

    /** An inner loop with the given settings. */
    public InnerLoop(MamlConfig config) {
        this.config = config;
    }

    /** The settings. */
    public MamlConfig config() {
        return config;
    }

    /** {@code mse(f(params; x), y)} with mean reduction, as {@code F.mse_loss}. */
    public static Tensor loss(List<Tensor> params, Tensor x, Tensor y) {
        return Losses.mseLoss(SineModel.forward(params, x), y, Reduction.MEAN);
    }

    /**
     * Adapts {@code theta} to the task's support set.
     *
     * @param theta the meta-parameters; they should require grad when a meta-gradient is wanted
     */
    public Adaptation adapt(List<Tensor> theta, SineTask task) {
        List<Tensor> phi = theta;
        double[] losses = new double[config.innerSteps()];
        for (int k = 0; k < config.innerSteps(); k++) {
            Tensor[] g;
            if (config.firstOrder()) {
                // a cut copy: the gradient is a constant, and no graph leads from it back to theta
                List<Tensor> cut = new ArrayList<>(phi.size());
                for (Tensor p : phi) {
                    cut.add(p.detach().requiresGrad(true));
                }
                Tensor ls = loss(cut, task.supportX(), task.supportY());
                losses[k] = ls.item();
                g = Autograd.gradOf(ls).inputs(cut).compute();
            } else {
                Tensor ls = loss(phi, task.supportX(), task.supportY());
                losses[k] = ls.item();
                g = Autograd.gradOf(ls).inputs(phi).createGraph(true).compute();
            }
            List<Tensor> next = new ArrayList<>(phi.size());
            for (int i = 0; i < phi.size(); i++) {
                next.add(phi.get(i).sub(g[i].mul(config.innerLr())));
            }
            phi = next;
        }
        return new Adaptation(List.copyOf(phi), losses);
    }
}
