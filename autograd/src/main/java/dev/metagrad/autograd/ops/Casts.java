package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.engine.Graph;

/** Element type conversion. */
public final class Casts {
    private Casts() {
    }

    /**
     * {@code x} as {@code dtype} (torch's {@code x.to(dtype)}). Between floating types the gradient is
     * cast back; a cast to int64 or bool ends the graph.
     */
    public static Tensor to(Tensor x, DType dtype) {
        if (x.dtype() == dtype) {
            return x;
        }
        Tensor y = x.backend().cast(x, dtype);
        if (!dtype.isFloatingPoint() || !x.dtype().isFloatingPoint()) {
            return y;
        }
        DType from = x.dtype();
        return Graph.record("to", y, g -> new Tensor[] {to(g, from)}, x);
    }
}
