package dev.metagrad.autograd.ops;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Device;
import dev.metagrad.autograd.backend.Backend;
import dev.metagrad.autograd.backend.Backends;
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

    /**
     * A copy of {@code x} on another device (torch's {@code x.to(device)}); the gradient is moved back.
     *
     * @throws IllegalArgumentException when no backend on the class path serves {@code device}
     */
    public static Tensor to(Tensor x, Device device) {
        if (x.device().equals(device)) {
            return x;
        }
        Backend target = Backends.forDevice(device);
        Tensor y = switch (x.dtype()) {
            case INT64 -> target.fromLongs(x.toLongArray(), x.shape());
            case BOOL -> target.cast(target.fromDoubles(x.toDoubleArray(), DType.FLOAT64, x.shape()), DType.BOOL);
            default -> target.fromDoubles(x.toDoubleArray(), x.dtype(), x.shape());
        };
        if (!x.dtype().isFloatingPoint()) {
            return y;
        }
        Device from = x.device();
        return Graph.record("to", y, g -> new Tensor[] {to(g, from)}, x);
    }
}
