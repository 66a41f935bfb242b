package dev.metagrad.autograd.testing;

import dev.metagrad.autograd.DType;
import dev.metagrad.autograd.Device;
import dev.metagrad.autograd.Shape;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.backend.Backend;
import dev.metagrad.autograd.backend.BinaryKernel;
import dev.metagrad.autograd.backend.ReduceKernel;
import dev.metagrad.autograd.backend.Storage;
import dev.metagrad.autograd.backend.UnaryKernel;

/**
 * Tensors whose storage claims to live on {@code cuda:0} but has no kernels: enough to exercise the
 * device checks that run before any kernel, without a second device.
 */
public final class StubDevice {
    private StubDevice() {
    }

    /** A tensor of {@code dtype} and {@code shape} on the stub device. */
    public static Tensor tensor(DType dtype, int... shape) {
        int n = Shape.numel(shape);
        Storage storage = new Storage() {
            @Override
            public DType dtype() {
                return dtype;
            }

            @Override
            public int size() {
                return n;
            }

            @Override
            public Backend backend() {
                return BACKEND;
            }
        };
        return Tensor.wrap(storage, shape);
    }

    private static UnsupportedOperationException none() {
        return new UnsupportedOperationException("stub device has no kernels");
    }

    private static final Backend BACKEND = new Backend() {
        @Override
        public Device device() {
            return Device.cuda(0);
        }

        @Override
        public Tensor full(double value, DType dtype, int[] shape) {
            throw none();
        }

        @Override
        public Tensor fromDoubles(double[] data, DType dtype, int[] shape) {
            throw none();
        }

        @Override
        public Tensor fromLongs(long[] data, int[] shape) {
            throw none();
        }

        @Override
        public Tensor fromBooleans(boolean[] data, int[] shape) {
            throw none();
        }

        @Override
        public double[] toDoubles(Tensor x) {
            throw none();
        }

        @Override
        public long[] toLongs(Tensor x) {
            throw none();
        }

        @Override
        public Tensor cast(Tensor x, DType dtype) {
            throw none();
        }

        @Override
        public Tensor unary(UnaryKernel kernel, Tensor x, double a, double b) {
            throw none();
        }

        @Override
        public Tensor binary(BinaryKernel kernel, Tensor x, Tensor y, int[] outShape) {
            throw none();
        }

        @Override
        public Tensor compare(BinaryKernel kernel, Tensor x, Tensor y, int[] outShape) {
            throw none();
        }

        @Override
        public Tensor where(Tensor cond, Tensor x, Tensor y, int[] outShape) {
            throw none();
        }

        @Override
        public Tensor reduce(ReduceKernel kernel, Tensor x, int[] dims) {
            throw none();
        }

        @Override
        public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
            throw none();
        }

        @Override
        public Tensor gatherStrided(Tensor x, int[] outShape, int[] strides, int offset) {
            throw none();
        }

        @Override
        public Tensor scatterStrided(Tensor src, int[] resultShape, int[] strides, int offset, double fill) {
            throw none();
        }

        @Override
        public Tensor gather(Tensor x, int dim, Tensor index) {
            throw none();
        }

        @Override
        public Tensor scatterAdd(int[] shape, int dim, Tensor index, Tensor src) {
            throw none();
        }

        @Override
        public Tensor cumsum(Tensor x, int dim, boolean reverse) {
            throw none();
        }
    };
}
