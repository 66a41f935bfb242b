package dev.metagrad.examples.maml;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.AdamOptions;
import dev.metagrad.optim.Alias;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.Updates;

import java.util.ArrayList;
import java.util.List;

/**
 * The outer step through {@code meta-optim}: TorchOpt's {@code adam} (eps_root 0, no weight decay), which
 * equals {@code torch.optim.Adam} up to rounding. The parameter tree is the list of meta-parameters.
 */
public final class OptimAdam implements OuterOptimizer {
    private final GradientTransformation adam;
    private OptState state;

    /**
     * Adam with the given hyper-parameters.
     *
     * @throws IllegalArgumentException for hyper-parameters meta-optim rejects
     */
    public OptimAdam(double lr, double beta1, double beta2, double eps) {
        this.adam = Alias.adam(AdamOptions.defaults().lr(lr).betas(beta1, beta2).eps(eps));
    }

    @Override
    public List<Tensor> step(List<Tensor> params, List<Tensor> grads) {
        // the outer step is not differentiated: record nothing, and hand back fresh leaves for the next meta-gradient
        try (GradMode.Scope scope = GradMode.noGrad()) {
            List<Tensor> p = new ArrayList<>(params.size());
            for (Tensor t : params) {
                p.add(t.detach());
            }
            if (state == null) {
                state = adam.init(p);
            }
            GradientTransformation.Update u = adam.update(List.copyOf(grads), state, p);
            state = u.state();
            List<Tensor> next = Updates.applyUpdates(p, u.updates());
            List<Tensor> out = new ArrayList<>(next.size());
            for (Tensor t : next) {
                out.add(t.detach().requiresGrad(true));
            }
            return List.copyOf(out);
        }
    }
}
