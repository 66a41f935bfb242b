package dev.metagrad.optim.conformance;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.json.Json;
import dev.metagrad.nn.Linear;
import dev.metagrad.nn.Module;
import dev.metagrad.nn.ReLU;
import dev.metagrad.nn.Sequential;
import dev.metagrad.nn.Tanh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The MLP and loss of FORMAT-torchopt.md section 7.1:
 * <pre>
 *   h1 = act(x W1ᵀ + b1);  h2 = act(h1 W2ᵀ + b2);  out = h2 W3ᵀ + b3;   loss = mean((out − y)²)
 * </pre>
 * built as a {@code Sequential(Linear, act, Linear, act, Linear)} so its parameters are, in order,
 * {@code [W1, b1, W2, b2, W3, b3]} like {@code params0}.
 */
final class MetaProblem {
    private MetaProblem() {
    }

    /** The model of {@code spec} with {@code params0} as fresh leaves requiring grad (θ_0), returned in order. */
    static Module model(Map<String, Object> spec, List<Tensor> params0) {
        List<?> layers = Json.asList(spec.get("layers"), "model.layers");
        String activation = String.valueOf(spec.get("activation"));
        if (layers.size() != 4) {
            throw new IllegalArgumentException("model.layers: expected 4 sizes, got " + layers.size());
        }
        int[] d = new int[4];
        for (int i = 0; i < 4; i++) {
            d[i] = (int) Json.toDouble(layers.get(i));
        }
        List<Module> parts = new ArrayList<>();
        // the generator only fills the initial weights, which are replaced by params0 right away
        Generator rng = new Generator(0);
        for (int l = 0; l < 3; l++) {
            parts.add(new Linear(d[l], d[l + 1], rng));
            if (l < 2) {
                parts.add(switch (activation) {
                    case "tanh" -> new Tanh();
                    case "relu" -> new ReLU();
                    default -> throw new IllegalArgumentException("model.activation: unknown " + activation);
                });
            }
        }
        Module model = new Sequential(parts);
        List<String> names = new ArrayList<>(model.namedParameters().keySet());
        if (names.size() != params0.size()) {
            throw new IllegalArgumentException("params0: " + params0.size() + " tensors for a model with " + names.size() + " parameters");
        }
        for (int i = 0; i < names.size(); i++) {
            model.setParameter(names.get(i), params0.get(i).requiresGrad(true));
        }
        return model;
    }

    /** F.mse_loss(model(x), y) with reduction mean. */
    static Tensor loss(Module model, Map<String, Object> batch, String what) {
        return loss(model.forward(x(batch, what)), y(batch, what));
    }

    static Tensor loss(Tensor out, Tensor y) {
        return out.sub(y).square().mean();
    }

    static Tensor x(Map<String, Object> batch, String what) {
        return GoldenTensors.decode(batch.get("x"), what + ".x");
    }

    static Tensor y(Map<String, Object> batch, String what) {
        return GoldenTensors.decode(batch.get("y"), what + ".y");
    }
}
