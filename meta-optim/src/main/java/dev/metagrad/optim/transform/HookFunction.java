package dev.metagrad.optim.transform;

import dev.metagrad.autograd.CustomFunction;
import dev.metagrad.autograd.Tensor;

import java.util.function.UnaryOperator;

/**
 * The identity in the forward pass whose backward replaces the incoming gradient {@code g} by
 * {@code hook(g)}: torch's {@code Tensor.register_hook} as a graph node.
 */
final class HookFunction extends CustomFunction {
    private final UnaryOperator<Tensor> hook;

    HookFunction(UnaryOperator<Tensor> hook) {
        this.hook = hook;
    }

    @Override
    protected String name() {
        return "hook";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        return inputs[0];
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor replaced = hook.apply(gradOutput);
        if (replaced == null) {
            return new Tensor[] {gradOutput}; // torch: a hook returning None leaves the gradient unchanged
        }
        return new Tensor[] {replaced};
    }
}
