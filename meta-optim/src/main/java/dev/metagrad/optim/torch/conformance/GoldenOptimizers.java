package dev.metagrad.optim.torch.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.OpArgs;
import dev.metagrad.json.Json;
import dev.metagrad.optim.torch.GroupSpec;
import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.Optimizers;
import dev.metagrad.optim.torch.Options;
import dev.metagrad.optim.torch.ParamGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The optimizer of a scheduler case (FORMAT.md 5.1 and 6): {@code {"algorithm": "SGD" | "Adam", "lr": [..],
 * "momentum"?, "betas"?}}, one param group per lr, each with a small parameter of its own. No parameter
 * ever gets a gradient, so {@code optimizer.step()} changes no parameter, as in the generator.
 */
final class GoldenOptimizers {
    private GoldenOptimizers() {
    }

    @SuppressWarnings("unchecked")
    static Optimizer create(Object spec) {
        if (!(spec instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("\"optimizer\" must be an object, got " + Json.describe(spec));
        }
        OpArgs a = new OpArgs("optimizer", (Map<String, Object>) spec);
        String algorithm = a.optionalString("algorithm", null);
        if (!"SGD".equals(algorithm) && !"Adam".equals(algorithm)) {
            throw new IllegalArgumentException("optimizer: \"algorithm\" must be \"SGD\" or \"Adam\", got "
                    + Json.describe(algorithm));
        }
        List<Double> lrs = a.numberList("lr");
        Options options = Options.empty();
        if (a.value("momentum") != null) {
            options = options.with("momentum", a.number("momentum"));
        }
        if (a.value("betas") != null) {
            options = options.with("betas", a.numberList("betas"));
        }
        a.requireAllRead();
        List<GroupSpec> groups = new ArrayList<>();
        for (int i = 0; i < lrs.size(); i++) {
            Tensor p = Tensor.of(0.5 + i, -0.25 * (i + 1)).requiresGrad(true);
            groups.add(new GroupSpec(List.of(p), Options.of("lr", lrs.get(i))));
        }
        return Optimizers.create(algorithm, groups, options);
    }

    /** Every group's lr. */
    static double[] lrs(Optimizer optimizer) {
        return optimizer.paramGroups().stream().mapToDouble(ParamGroup::lr).toArray();
    }

    /**
     * Every group's cycled momentum: {@code "momentum"}, or {@code "betas[0]"}.
     *
     * @throws IllegalArgumentException for another key
     */
    static double[] momentums(Optimizer optimizer, String key) {
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] out = new double[groups.size()];
        for (int i = 0; i < out.length; i++) {
            if ("momentum".equals(key)) {
                out[i] = groups.get(i).getDouble("momentum");
            } else if ("betas[0]".equals(key)) {
                out[i] = groups.get(i).options().getDoubles("betas")[0];
            } else {
                throw new IllegalArgumentException("unknown momentum_key " + Json.describe(key)
                        + "; expected \"momentum\" or \"betas[0]\"");
            }
        }
        return out;
    }
}
