package dev.metagrad.conformance;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.ops.Activations;
import dev.metagrad.autograd.ops.Arithmetic;
import dev.metagrad.autograd.ops.Comparisons;
import dev.metagrad.autograd.ops.Convolution;
import dev.metagrad.autograd.ops.Indexing;
import dev.metagrad.autograd.ops.LinearAlgebra;
import dev.metagrad.autograd.ops.Losses;
import dev.metagrad.autograd.ops.MathFunctions;
import dev.metagrad.autograd.ops.Normalization;
import dev.metagrad.autograd.ops.Pooling;
import dev.metagrad.autograd.ops.Reduction;
import dev.metagrad.autograd.ops.Reductions;
import dev.metagrad.autograd.ops.Softmax;
import dev.metagrad.autograd.ops.Views;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The op vocabulary of {@code autograd_ops.json} (FORMAT.md section 3.2): each op name with its input
 * count and an adapter that decodes its arguments exactly as the format defines them and calls our op.
 */
public final class AutogradOps {
    /** An op of the vocabulary: how many inputs it takes and how to call it. */
    public record Op(String name, int minInputs, int maxInputs, OpAdapter adapter) {
        /**
         * Checks the input count, runs the op and refuses arguments the adapter did not read.
         *
         * @throws IllegalArgumentException for a wrong input count, a missing, malformed or unknown argument,
         *                                  or whatever the op itself rejects
         */
        public Tensor call(List<Tensor> inputs, OpArgs args) {
            if (inputs.size() < minInputs || inputs.size() > maxInputs) {
                String expected = minInputs == maxInputs ? String.valueOf(minInputs)
                        : maxInputs == Integer.MAX_VALUE ? "at least " + minInputs : minInputs + " to " + maxInputs;
                throw new IllegalArgumentException(name + ": expected " + expected + " inputs, got " + inputs.size());
            }
            Tensor out = adapter.apply(inputs, args);
            List<String> unknown = args.unread();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException(name + ": unknown argument(s) " + unknown);
            }
            return out;
        }
    }

    private static final Map<String, Op> OPS = build();

    private AutogradOps() {
    }

    /** The op of that name, or null if the vocabulary lacks it. */
    public static Op get(String name) {
        return OPS.get(name);
    }

    /** All ops, by name (sorted). */
    public static Map<String, Op> all() {
        return OPS;
    }

    private static Map<String, Op> build() {
        Table t = new Table();

        // elementwise arithmetic (broadcasting)
        t.binary("add", Arithmetic::add);
        t.binary("sub", Arithmetic::sub);
        t.binary("mul", Arithmetic::mul);
        t.binary("div", Arithmetic::div);
        t.unary("neg", Arithmetic::neg);
        t.op("pow_scalar", 1, (in, a) -> Arithmetic.pow(in.get(0), a.number("exponent")));
        t.binary("pow", Arithmetic::pow);

        // math functions and activations
        t.unary("exp", MathFunctions::exp);
        t.unary("log", MathFunctions::log);
        t.unary("sqrt", MathFunctions::sqrt);
        t.unary("rsqrt", MathFunctions::rsqrt);
        t.unary("abs", MathFunctions::abs);
        t.unary("sign", MathFunctions::sign);
        t.unary("sin", MathFunctions::sin);
        t.unary("cos", MathFunctions::cos);
        t.unary("tanh", Activations::tanh);
        t.unary("sigmoid", Activations::sigmoid);
        t.unary("relu", Activations::relu);
        t.op("leaky_relu", 1, (in, a) -> Activations.leakyRelu(in.get(0), a.optionalNumber("negative_slope", 0.01)));
        t.op("elu", 1, (in, a) -> Activations.elu(in.get(0), a.optionalNumber("alpha", 1.0)));
        t.op("gelu", 1, (in, a) -> Activations.gelu(in.get(0), a.optionalString("approximate", "none")));
        t.op("softplus", 1, (in, a) -> Activations.softplus(in.get(0),
                a.optionalNumber("beta", 1.0), a.optionalNumber("threshold", 20.0)));

        // selection
        t.op("clamp", 1, (in, a) -> Comparisons.clamp(in.get(0), a.optionalNumber("min"), a.optionalNumber("max")));
        t.binary("maximum", Comparisons::maximum);
        t.binary("minimum", Comparisons::minimum);
        t.op("where", 3, (in, a) -> Comparisons.where(in.get(0), in.get(1), in.get(2)));

        // linear algebra
        t.binary("matmul", LinearAlgebra::matmul);
        t.op("linear", 2, 3, (in, a) -> LinearAlgebra.linear(in.get(0), in.get(1), optional(in, 2)));
        t.binary("dot", LinearAlgebra::dot);
        t.binary("outer", LinearAlgebra::outer);

        // shape
        t.op("transpose", 1, (in, a) -> Views.transpose(in.get(0), a.integer("dim0"), a.integer("dim1")));
        t.op("permute", 1, (in, a) -> Views.permute(in.get(0), a.intList("dims")));
        t.op("reshape", 1, (in, a) -> Views.reshape(in.get(0), a.intList("shape")));
        t.op("expand", 1, (in, a) -> Views.expand(in.get(0), a.intList("size")));

        // reductions; a null dim reduces everything to a scalar, whatever keepdim says (torch.sum(x))
        t.op("sum", 1, (in, a) -> {
            int[] dim = a.optionalIntList("dim");
            boolean keepdim = a.optionalBool("keepdim", false);
            return dim == null ? Reductions.sum(in.get(0)) : Reductions.sum(in.get(0), dim, keepdim);
        });
        t.op("mean", 1, (in, a) -> {
            int[] dim = a.optionalIntList("dim");
            boolean keepdim = a.optionalBool("keepdim", false);
            return dim == null ? Reductions.mean(in.get(0)) : Reductions.mean(in.get(0), dim, keepdim);
        });
        t.op("var", 1, (in, a) -> {
            int[] dim = a.optionalIntList("dim");
            boolean unbiased = a.optionalBool("unbiased", true);
            boolean keepdim = a.optionalBool("keepdim", false);
            return Reductions.var(in.get(0), dim, unbiased, dim != null && keepdim);
        });
        t.op("max_dim", 1, (in, a) -> Reductions.max(in.get(0), a.integer("dim"), a.optionalBool("keepdim", false)).values());
        t.op("amax", 1, (in, a) -> Reductions.amax(in.get(0), a.intList("dim"), a.optionalBool("keepdim", false)));
        t.op("logsumexp", 1, (in, a) -> Reductions.logsumexp(in.get(0), a.intList("dim"), a.optionalBool("keepdim", false)));
        t.op("norm", 1, (in, a) -> Reductions.norm(in.get(0), a.optionalNumber("p", 2.0)));
        t.op("cumsum", 1, (in, a) -> Reductions.cumsum(in.get(0), a.integer("dim")));
        t.op("softmax", 1, (in, a) -> Softmax.softmax(in.get(0), a.integer("dim")));
        t.op("log_softmax", 1, (in, a) -> Softmax.logSoftmax(in.get(0), a.integer("dim")));

        // losses
        t.op("cross_entropy", 2, (in, a) -> Losses.crossEntropy(in.get(0), in.get(1), reduction(a),
                a.optionalNumber("label_smoothing", 0.0)));
        t.op("nll_loss", 2, (in, a) -> Losses.nllLoss(in.get(0), in.get(1), reduction(a)));
        t.op("mse_loss", 2, (in, a) -> Losses.mseLoss(in.get(0), in.get(1), reduction(a)));
        t.op("l1_loss", 2, (in, a) -> Losses.l1Loss(in.get(0), in.get(1), reduction(a)));
        t.op("binary_cross_entropy_with_logits", 2,
                (in, a) -> Losses.binaryCrossEntropyWithLogits(in.get(0), in.get(1), reduction(a)));
        t.op("huber_loss", 2, (in, a) -> Losses.huberLoss(in.get(0), in.get(1), reduction(a),
                a.optionalNumber("delta", 1.0)));
        t.op("smooth_l1_loss", 2, (in, a) -> Losses.smoothL1Loss(in.get(0), in.get(1), reduction(a),
                a.optionalNumber("beta", 1.0)));

        // joining and indexing
        t.op("cat", 1, Integer.MAX_VALUE, (in, a) -> Indexing.cat(in, a.optionalInteger("dim", 0)));
        t.op("stack", 1, Integer.MAX_VALUE, (in, a) -> Indexing.stack(in, a.optionalInteger("dim", 0)));
        t.op("index_select", 2, (in, a) -> Indexing.indexSelect(in.get(0), a.integer("dim"), in.get(1)));
        t.op("gather", 2, (in, a) -> Indexing.gather(in.get(0), a.integer("dim"), in.get(1)));
        t.op("narrow", 1, (in, a) -> Indexing.narrow(in.get(0), a.integer("dim"), a.integer("start"), a.integer("length")));
        t.op("slice", 1, (in, a) -> Indexing.slice(in.get(0), a.integer("dim"), a.integer("start"), a.integer("end"),
                a.optionalInteger("step", 1)));
        t.op("pad", 1, (in, a) -> Indexing.pad(in.get(0), a.intList("pad"), a.optionalNumber("value", 0.0)));

        // convolution, pooling, normalization
        t.op("conv2d", 2, 3, (in, a) -> Convolution.conv2d(in.get(0), in.get(1), optional(in, 2),
                pairOr(a, "stride", 1), pairOr(a, "padding", 0), pairOr(a, "dilation", 1), a.optionalInteger("groups", 1)));
        t.op("max_pool2d", 1, (in, a) -> Pooling.maxPool2d(in.get(0), a.intPair("kernel_size"),
                a.optionalIntPair("stride"), pairOr(a, "padding", 0), pairOr(a, "dilation", 1),
                a.optionalBool("ceil_mode", false)));
        t.op("avg_pool2d", 1, (in, a) -> Pooling.avgPool2d(in.get(0), a.intPair("kernel_size"),
                a.optionalIntPair("stride"), pairOr(a, "padding", 0), a.optionalBool("ceil_mode", false),
                a.optionalBool("count_include_pad", true), a.optionalInteger("divisor_override")));
        t.op("batch_norm", 1, 3, (in, a) -> Normalization.batchNorm(in.get(0), optional(in, 1), optional(in, 2),
                a.optionalNumber("eps", 1e-5)));
        t.op("layer_norm", 1, 3, (in, a) -> Normalization.layerNorm(in.get(0), a.intList("normalized_shape"),
                optional(in, 1), optional(in, 2), a.optionalNumber("eps", 1e-5)));

        return Collections.unmodifiableMap(t.ops);
    }

    private static Tensor optional(List<Tensor> inputs, int index) {
        return index < inputs.size() ? inputs.get(index) : null;
    }

    private static Reduction reduction(OpArgs a) {
        return Reduction.parse(a.optionalString("reduction", "mean"));
    }

    private static int[] pairOr(OpArgs a, String name, int fallback) {
        int[] pair = a.optionalIntPair(name);
        return pair == null ? new int[] {fallback, fallback} : pair;
    }

    /** Collects the entries; refuses a name registered twice. */
    private static final class Table {
        private final Map<String, Op> ops = new TreeMap<>();

        void op(String name, int inputs, OpAdapter adapter) {
            op(name, inputs, inputs, adapter);
        }

        void op(String name, int min, int max, OpAdapter adapter) {
            if (ops.put(name, new Op(name, min, max, adapter)) != null) {
                throw new IllegalStateException("op " + name + " registered twice");
            }
        }

        void unary(String name, UnaryOperator<Tensor> f) {
            op(name, 1, (in, a) -> f.apply(in.get(0)));
        }

        void binary(String name, BinaryOperator<Tensor> f) {
            op(name, 2, (in, a) -> f.apply(in.get(0), in.get(1)));
        }
    }
}
