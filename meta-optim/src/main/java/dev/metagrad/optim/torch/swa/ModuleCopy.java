package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.BatchNorm;
import dev.metagrad.nn.Module;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code copy.deepcopy(model)} of {@code AveragedModel}. Java cannot copy an arbitrary object graph
 * safely, so the caller supplies a factory that builds the same architecture; this class checks that it
 * did (module paths and classes, parameter and buffer names, shapes and dtypes), that it shares no
 * submodule with the model, and then gives it the model's state: every parameter (a new leaf with the
 * model's requiresGrad flag) and every buffer, persistent or not, the training flag of every module, and
 * the momentum of every {@link BatchNorm}.
 */
final class ModuleCopy {
    private ModuleCopy() {
    }

    /**
     * A module of {@code architecture} holding {@code model}'s state.
     *
     * @throws IllegalArgumentException when the factory is null, returns null, the model itself, a module that
     *                                  shares submodules with it, or a different architecture (the message lists
     *                                  the differences)
     */
    static <M extends Module> M deepCopy(String owner, M model, Supplier<? extends M> architecture) {
        if (model == null) {
            throw new IllegalArgumentException(owner + ": model is null");
        }
        if (architecture == null) {
            throw new IllegalArgumentException(owner + ": the architecture factory is null; pass one that builds a new "
                    + model.getClass().getSimpleName() + " of the same shape (torch deep-copies the model)");
        }
        M copy = architecture.get();
        if (copy == null) {
            throw new IllegalArgumentException(owner + ": the architecture factory returned null");
        }
        Set<Module> originals = Collections.newSetFromMap(new IdentityHashMap<>());
        originals.addAll(model.namedModules().values());
        for (Map.Entry<String, Module> m : copy.namedModules().entrySet()) {
            if (originals.contains(m.getValue())) {
                throw new IllegalArgumentException(owner + ": the architecture factory must build new modules, but "
                        + (m.getKey().isEmpty() ? "it returned the model itself" : "submodule '" + m.getKey()
                        + "' is shared with the model") + "; averaging would overwrite the model");
            }
        }
        List<String> differences = differences(model, copy);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException(owner + ": the architecture factory built a different model: "
                    + String.join("; ", differences));
        }
        for (Map.Entry<String, Tensor> p : model.namedParameters().entrySet()) {
            Tensor value = p.getValue();
            copy.setParameter(p.getKey(), value.detach().requiresGrad(value.requiresGrad()));
        }
        for (Map.Entry<String, Tensor> b : model.namedBuffers().entrySet()) {
            copy.setBuffer(b.getKey(), b.getValue().detach());
        }
        // namedModules is depth-first pre-order, so a child's own flag is set after its parent's train() call
        for (Map.Entry<String, Module> m : model.namedModules().entrySet()) {
            Module target = copy.submodule(m.getKey());
            target.train(m.getValue().isTraining());
            if (m.getValue() instanceof BatchNorm bn) {
                ((BatchNorm) target).setMomentum(bn.momentum());
            }
        }
        return copy;
    }

    private static List<String> differences(Module model, Module copy) {
        List<String> out = new ArrayList<>();
        Map<String, Module> a = model.namedModules();
        Map<String, Module> b = copy.namedModules();
        if (!a.keySet().equals(b.keySet())) {
            out.add("submodules " + b.keySet() + " instead of " + a.keySet());
            return out;
        }
        for (Map.Entry<String, Module> e : a.entrySet()) {
            Class<?> expected = e.getValue().getClass();
            Class<?> actual = b.get(e.getKey()).getClass();
            if (expected != actual) {
                out.add("module '" + e.getKey() + "' is a " + actual.getSimpleName() + " instead of a " + expected.getSimpleName());
            }
        }
        compareTensors("parameters", model.namedParameters(), copy.namedParameters(), out);
        compareTensors("buffers", model.namedBuffers(), copy.namedBuffers(), out);
        return out;
    }

    private static void compareTensors(String what, Map<String, Tensor> expected, Map<String, Tensor> actual, List<String> out) {
        if (!new ArrayList<>(expected.keySet()).equals(new ArrayList<>(actual.keySet()))) {
            out.add(what + " " + actual.keySet() + " instead of " + expected.keySet());
            return;
        }
        for (Map.Entry<String, Tensor> e : expected.entrySet()) {
            Tensor x = e.getValue();
            Tensor y = actual.get(e.getKey());
            if (!Arrays.equals(x.shape(), y.shape()) || x.dtype() != y.dtype()) {
                out.add("'" + e.getKey() + "' is " + y.dtype() + " " + Shape.str(y.shape()) + " instead of " + x.dtype()
                        + " " + Shape.str(x.shape()));
            }
        }
    }
}
