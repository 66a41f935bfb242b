package dev.metagrad.nn;

import dev.metagrad.autograd.Tensor;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a module with tensors supplied by the caller instead of its own ({@code torch.func.functional_call}):
 * the way to evaluate a model at the non-leaf parameters {@code theta - lr * grad} of an inner optimisation
 * loop and differentiate through them, MAML-style:
 * <pre>{@code
 * Map<String, Tensor> theta = model.namedParameters();
 * Map<String, Tensor> fast = new LinkedHashMap<>();
 * Tensor loss = mse.forward(Functional.call(model, theta, x), y);
 * Tensor[] g = Autograd.gradOf(loss).inputs(List.copyOf(theta.values())).createGraph(true).compute();
 * int i = 0;
 * for (var e : theta.entrySet()) fast.put(e.getKey(), e.getValue().sub(g[i++].mul(lr)));
 * Tensor outer = mse.forward(Functional.call(model, fast, xq), yq);   // differentiable w.r.t. theta
 * }</pre>
 *
 * <p>Nothing in the module is read from or written to fields during the call other than its own tensors
 * where no substitute is given, and there is no global state, so calls may run concurrently on one module
 * as long as nobody mutates it. Buffers may be substituted too; in training mode a {@link BatchNorm}
 * computes new running statistics, which the module does not receive: {@link FunctionalCall#run} returns
 * them (torch writes them in place into the tensors passed in, which immutable tensors cannot do).
 */
public final class Functional {
    private Functional() {
    }

    /**
     * {@code functional_call(module, tensors, input)} with strict=False: parameters and buffers named in
     * {@code tensors} are substituted, the others are the module's own.
     *
     * @throws IllegalArgumentException when a name is unknown, a value is null or its shape differs
     */
    public static Tensor call(Module module, Map<String, Tensor> tensors, Tensor input) {
        return bind(module, tensors).forward(input);
    }

    /**
     * Runs {@code module} with its parameters replaced, in {@link Module#parameters()} order, by
     * {@code parameters}; buffers are the module's own.
     *
     * @throws IllegalArgumentException when the count or a shape differs
     */
    public static Tensor call(Module module, List<Tensor> parameters, Tensor input) {
        return bind(module, parameters).forward(input);
    }

    /**
     * {@code functional_call(module, tensors, input, strict=True)}: every parameter and buffer must be given.
     *
     * @throws IllegalArgumentException when a name is unknown or missing, a value is null or its shape differs
     */
    public static Tensor callStrict(Module module, Map<String, Tensor> tensors, Tensor input) {
        return bind(module, tensors).strict(true).forward(input);
    }

    /** A non-strict call of {@code module} with substitutes by dotted name, to configure and run. */
    public static FunctionalCall bind(Module module, Map<String, Tensor> tensors) {
        return new FunctionalCall(module, tensors, false);
    }

    /**
     * A call of {@code module} with substitutes for all its parameters, in {@link Module#parameters()} order.
     *
     * @throws IllegalArgumentException when the number of tensors differs from the number of parameters
     */
    public static FunctionalCall bind(Module module, List<Tensor> parameters) {
        Map<String, Tensor> own = module.namedParameters();
        if (parameters.size() != own.size()) {
            throw new IllegalArgumentException("Functional.call: " + module.typeName() + " has " + own.size()
                    + " parameters " + own.keySet() + " but " + parameters.size() + " tensors were given");
        }
        Map<String, Tensor> named = new LinkedHashMap<>();
        Iterator<Tensor> it = parameters.iterator();
        for (String name : own.keySet()) {
            named.put(name, it.next());
        }
        return new FunctionalCall(module, named, false);
    }
}
