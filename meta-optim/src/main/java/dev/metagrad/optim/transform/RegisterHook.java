package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.Arguments;
import dev.metagrad.tree.Trees;

import java.util.function.UnaryOperator;

/**
 * TorchOpt {@code register_hook}: {@code u = g} in the forward pass, and the gradient {@code ḡ} that later
 * flows back through each update leaf is replaced by {@code hook(ḡ)}. Leaves that do not require grad have no
 * backward and pass through untouched (torch refuses hooks on them).
 */
public final class RegisterHook extends StatelessTransformation {
    private final UnaryOperator<Tensor> hook;

    /**
     * @throws IllegalArgumentException when {@code hook} is null
     */
    public RegisterHook(UnaryOperator<Tensor> hook) {
        this.hook = Arguments.nonNull("hook", hook);
    }

    @Override
    Object apply(Object updates, Object params) {
        return Trees.map(updates, g -> g.requiresGrad() ? new HookFunction(hook).apply(g) : g);
    }
}
