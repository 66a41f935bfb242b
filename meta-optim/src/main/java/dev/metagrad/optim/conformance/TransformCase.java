package dev.metagrad.optim.conformance;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.conformance.CaseResult;
import dev.metagrad.conformance.GoldenTensors;
import dev.metagrad.json.Json;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.Hooks;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.Transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Kind {@code transform} (FORMAT-torchopt.md section 6): {@code clip_grad_norm} and {@code nan_to_num} outputs,
 * {@code register_hook} forward outputs and replaced gradients, and {@code chain} outputs per step.
 */
final class TransformCase {
    private TransformCase() {
    }

    static CaseResult run(Golden c) {
        String transform = String.valueOf(c.get("transform"));
        CaseResult r = switch (transform) {
            case "clip_grad_norm" -> single(c, GoldenOptions.clipGradNorm(c.get("options")));
            case "nan_to_num" -> single(c, GoldenOptions.nanToNum(c.get("options")));
            case "register_hook" -> hook(c);
            case "chain" -> chain(c);
            default -> CaseResult.error(c.id, c.op, "unknown transform " + transform);
        };
        return r != null ? r : CaseResult.pass(c.id, c.op);
    }

    /** One update of a stateless transform: {@code outputs = T(inputs)}. */
    private static CaseResult single(Golden c, GradientTransformation t) {
        List<Tensor> inputs = GoldenTensors.decodeList(c.get("inputs"), "inputs");
        Object out = t.update(inputs, t.init(inputs), null).updates();
        return c.compare("outputs", asList(out), GoldenTensors.decodeList(c.get("outputs"), "outputs"), c.tolerance("outputs"));
    }

    /**
     * {@code u = register_hook(hook)(x ⊙ s)}; the forward is {@code x ⊙ s} and backpropagating the cotangents
     * C gives {@code hook(C) ⊙ s}.
     */
    private static CaseResult hook(Golden c) {
        List<Tensor> xs = new ArrayList<>();
        for (Tensor x : GoldenTensors.decodeList(c.get("inputs"), "inputs")) {
            xs.add(x.requiresGrad(true));
        }
        List<Tensor> scales = GoldenTensors.decodeList(c.get("scales"), "scales");
        if (scales.size() != xs.size()) {
            return CaseResult.malformed(c.id, c.op, "scales", scales.size() + " scales for " + xs.size() + " inputs");
        }
        List<Tensor> scaled = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            scaled.add(xs.get(i).mul(scales.get(i)));
        }
        GradientTransformation t = Transforms.registerHook(hook(String.valueOf(c.get("hook")), c.data.get("hook_options")));
        List<Tensor> out = asList(t.update(scaled, t.init(scaled), null).updates());
        CaseResult r = c.compare("forward_outputs", out, GoldenTensors.decodeList(c.get("forward_outputs"), "forward_outputs"),
                c.tolerance("forward_outputs"));
        if (r != null) {
            return r;
        }
        List<Tensor> cotangents = GoldenTensors.decodeList(c.get("cotangents"), "cotangents");
        Tensor[] grads = Autograd.gradOf(out.toArray(new Tensor[0])).inputs(xs)
                .gradOutputs(cotangents.toArray(new Tensor[0])).compute();
        return c.compare("grads", List.of(grads), GoldenTensors.decodeList(c.get("grads"), "grads"), c.tolerance("grads"));
    }

    private static UnaryOperator<Tensor> hook(String name, Object options) {
        return switch (name) {
            case "zero_nan_hook" -> {
                if (options != null && !Golden.object(options, "hook_options").isEmpty()) {
                    throw new IllegalArgumentException("zero_nan_hook takes no options, got " + options);
                }
                yield Hooks.zeroNanHook();
            }
            case "nan_to_num_hook" -> {
                Object[] a = GoldenOptions.nanToNumArguments(options);
                yield Hooks.nanToNumHook((Double) a[0], (Double) a[1], (Double) a[2]);
            }
            default -> throw new IllegalArgumentException("unknown hook " + name);
        };
    }

    /** {@code chain(components...)} updated once per step with fixed params. */
    private static CaseResult chain(Golden c) {
        List<?> components = Json.asList(c.get("components"), "components");
        GradientTransformation[] parts = new GradientTransformation[components.size()];
        for (int i = 0; i < parts.length; i++) {
            Map<String, Object> comp = Golden.object(components.get(i), "components[" + i + "]");
            parts[i] = GoldenOptions.component(String.valueOf(comp.get("name")), comp.get("options"));
        }
        GradientTransformation chain = Transforms.chain(parts);
        List<Tensor> params = GoldenTensors.decodeList(c.get("params"), "params");
        List<?> inputs = Json.asList(c.get("inputs"), "inputs");
        List<?> outputs = Json.asList(c.get("outputs"), "outputs");
        if (inputs.size() != outputs.size()) {
            return CaseResult.malformed(c.id, c.op, "outputs", outputs.size() + " steps of outputs for " + inputs.size() + " of inputs");
        }
        OptState state = chain.init(params);
        for (int s = 0; s < inputs.size(); s++) {
            GradientTransformation.Update u = chain.update(GoldenTensors.decodeList(inputs.get(s), "inputs[" + s + "]"), state, params);
            state = u.state();
            CaseResult r = c.compare("outputs[" + s + "]", asList(u.updates()),
                    GoldenTensors.decodeList(outputs.get(s), "outputs[" + s + "]"), c.tolerance("outputs"));
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Tensor> asList(Object tree) {
        return (List<Tensor>) tree;
    }
}
