package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.tree.Trees;

/** Exponential moving averages, TorchOpt's {@code update_moment}, and moment initialisation. */
final class Moments {
    private Moments() {
    }

    /** {@code decay · m + (1 − decay) · g}. */
    static Tensor first(Tensor g, Tensor m, double decay) {
        return m.mul(decay).add(g.mul(1.0 - decay));
    }

    /** {@code decay · v + (1 − decay) · g · g}. */
    static Tensor second(Tensor g, Tensor v, double decay) {
        return v.mul(decay).add(g.square().mul(1.0 - decay));
    }

    /** A tree shaped like {@code params} filled with {@code value}, requiring grad when asked. */
    static Object filled(Object params, double value, boolean requiresGrad) {
        return Trees.map(params, p -> Tensor.fullLike(p, value).requiresGrad(requiresGrad));
    }
}
