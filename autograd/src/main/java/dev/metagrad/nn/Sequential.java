package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;

import java.util.List;

/**
 * Modules applied one after another ({@code torch.nn.Sequential}); the i-th is the child {@code "i"}, so
 * its parameters are {@code 0.weight}, {@code 2.bias} and so on, as in torch.
 */
public final class Sequential extends Module {
    private final int size;

    /**
     * The chain of {@code modules}, in order.
     *
     * @throws IllegalArgumentException when a module is null
     */
    public Sequential(Module... modules) {
        for (int i = 0; i < modules.length; i++) {
            registerModule(Integer.toString(i), modules[i]);
        }
        this.size = modules.length;
    }

    /** The chain of {@code modules}, in order. */
    public Sequential(List<? extends Module> modules) {
        this(modules.toArray(new Module[0]));
    }

    /** Number of modules. */
    public int size() {
        return size;
    }

    /**
     * The module at {@code index}.
     *
     * @throws IndexOutOfBoundsException when index is outside [0, size)
     */
    public Module get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Sequential: index " + index + " is outside [0, " + size + ")");
        }
        return child(Integer.toString(index));
    }

    /** Feeds the input through each module in turn; with no modules, returns it. */
    @Override
    protected Tensor forward(Tensor input, Params params) {
        Tensor x = input;
        for (int i = 0; i < size; i++) {
            x = params.forward(Integer.toString(i), x);
        }
        return x;
    }
}
