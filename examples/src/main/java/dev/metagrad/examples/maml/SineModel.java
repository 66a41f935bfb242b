package dev.metagrad.examples.maml;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;
import dev.metagrad.autograd.ops.LinearAlgebra;
import dev.metagrad.nn.Mlp;
import dev.metagrad.nn.ReLU;

import java.util.ArrayList;
import java.util.List;

/**
 * The MAML regressor as a pure function of its parameters: an MLP with ReLU between layers, in the
 * {@code torch.nn.Linear} convention, with parameters {@code w1, b1, w2, b2, ...} (weights {@code [out, in]}).
 * It is written with {@link LinearAlgebra#linear} rather than a module so that the inner loop can run
 * it at non-leaf adapted parameters without binding names on every call, and so that the parameter
 * order is exactly the golden files' order.
 */
public final class SineModel {
    private SineModel() {
    }

    /**
     * {@code f(params; x)} for a batch {@code x} of shape {@code [n, in]}.
     *
     * @param params weight and bias of each layer, alternating; an even number of tensors
     * @throws IllegalArgumentException for an odd number of parameters or mismatched shapes
     */
    public static Tensor forward(List<Tensor> params, Tensor x) {
        if (params.isEmpty() || params.size() % 2 != 0) {
            throw new IllegalArgumentException("SineModel: expected weight/bias pairs, got " + params.size() + " tensors");
        }
        Tensor h = x;
        for (int i = 0; i < params.size(); i += 2) {
            if (i > 0) {
                h = Activations.relu(h);
            }
            h = LinearAlgebra.linear(h, params.get(i), params.get(i + 1));
        }
        return h;
    }

    /**
     * Freshly initialised parameters of an MLP with the given widths, from the library's {@link Mlp}
     * (the {@code nn.Linear} default initialisation), as leaves of the given dtype.
     *
     * @param sizes layer widths, for example {@code 1, 40, 40, 1}
     */
    public static List<Tensor> init(Generator rng, DType dtype, int... sizes) {
        List<Tensor> params = new ArrayList<>();
        for (Tensor p : Mlp.builder().sizes(sizes).activation(ReLU::new).generator(rng).build().parameters()) {
            // detach twice: the cast of a leaf is a new tensor, which must itself become the leaf
            params.add(p.detach().to(dtype).detach().requiresGrad(true));
        }
        return List.copyOf(params);
    }
}
