package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.BatchNorm;
import dev.metagrad.nn.Module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Recomputes the batch-norm running statistics of a model over a data set
 * ({@code torch.optim.swa_utils.update_bn}): the weights of an averaged model are not the weights the running
 * statistics were collected with, so they are collected again.
 *
 * <p>For every {@link BatchNorm} of the model: the statistics are reset ({@code running_mean = 0},
 * {@code running_var = 1}, {@code num_batches_tracked = 0}) and the momentum is set to null, so that after k
 * batches {@code running_mean} is the plain average of the k batch means and {@code running_var} that of the
 * k unbiased batch variances. The model runs in training mode on every batch, without recording a graph.
 * Afterwards the momenta are restored and the whole model is put in the training mode the root module had,
 * as torch's {@code model.train(was_training)} does. A model without batch norm is left untouched and the
 * data are not read.
 *
 * <p>If reading the data or a forward pass throws, every statistic, momentum and training flag is restored
 * to what it was before the call and the exception is rethrown.
 */
public final class BatchNormUpdate {
    private BatchNormUpdate() {
    }

    /**
     * {@code update_bn(loader, model)}: each batch is a {@link Tensor} (the input), or a {@link List} or array
     * whose first element is the input tensor (as a {@code (input, target)} pair).
     *
     * @throws IllegalArgumentException when a batch has another structure (pass an input function with
     *                                  {@link #updateBn(Iterable, Function, Module)} then)
     */
    public static void updateBn(Iterable<?> loader, Module model) {
        updateBn(loader, BatchNormUpdate::firstTensor, model);
    }

    /**
     * {@code update_bn} over batches of any structure: {@code input} extracts the tensor the model runs on.
     *
     * @throws IllegalArgumentException when {@code input} returns null for a batch
     */
    public static <T> void updateBn(Iterable<? extends T> loader, Function<? super T, Tensor> input, Module model) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(model, "model");
        List<BatchNorm> layers = new ArrayList<>();
        Map<Module, Boolean> modes = new LinkedHashMap<>();
        for (Module m : model.namedModules().values()) {
            modes.put(m, m.isTraining());
            if (m instanceof BatchNorm bn) {
                layers.add(bn);
            }
        }
        if (layers.isEmpty()) {
            return;
        }
        List<Double> momenta = new ArrayList<>();
        List<Map<String, Tensor>> statistics = new ArrayList<>();
        for (BatchNorm bn : layers) {
            momenta.add(bn.momentum());
            statistics.add(bn.namedBuffers());
        }
        boolean wasTraining = model.isTraining();
        try {
            for (BatchNorm bn : layers) {
                bn.resetRunningStats();
            }
            model.train();
            for (BatchNorm bn : layers) {
                bn.setMomentum(null);
            }
            try (GradMode.Scope scope = GradMode.noGrad()) {
                long index = 0;
                for (T batch : loader) {
                    Tensor x = input.apply(batch);
                    if (x == null) {
                        throw new IllegalArgumentException("updateBn: the input of batch " + index + " is null");
                    }
                    model.forward(x);
                    index++;
                }
            }
        } catch (RuntimeException | Error e) {
            for (int i = 0; i < layers.size(); i++) {
                for (Map.Entry<String, Tensor> b : statistics.get(i).entrySet()) {
                    layers.get(i).setBuffer(b.getKey(), b.getValue());
                }
            }
            // pre-order: a module's train() also sets its children, whose own entries come after it
            modes.forEach(Module::train);
            throw e;
        } finally {
            for (int i = 0; i < layers.size(); i++) {
                layers.get(i).setMomentum(momenta.get(i));
            }
        }
        model.train(wasTraining);
    }

    private static Tensor firstTensor(Object batch) {
        if (batch instanceof Tensor t) {
            return t;
        }
        Object first = null;
        if (batch instanceof List<?> list && !list.isEmpty()) {
            first = list.get(0);
        } else if (batch instanceof Object[] array && array.length > 0) {
            first = array[0];
        }
        if (first instanceof Tensor t) {
            return t;
        }
        throw new IllegalArgumentException("updateBn: a batch must be a Tensor, or a List or array whose first element is "
                + "the input Tensor; got " + describe(batch) + (first == null ? "" : " whose first element is " + describe(first))
                + "; pass an input function for other structures");
    }

    private static String describe(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }
}
