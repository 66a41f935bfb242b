package dev.metagrad.zeroorder;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;

import java.util.Arrays;

/**
 * The built-in distributions: standard normal entries, optionally scaled per sample onto the sphere of
 * radius √d. {@link #sampleAll} draws each argument's samples as one {@code [numSamples, ...shape]} batch
 * and slices it, instead of one small draw per sample.
 */
final class BatchedNoise implements Samplable {
    private final boolean sphere;

    BatchedNoise(boolean sphere) {
        this.sphere = sphere;
    }

    @Override
    public Tensor sample(int[] shape, Generator rng) {
        return sampleAll(1, new int[][] {shape}, rng)[0][0];
    }

    @Override
    public Tensor[][] sampleAll(int numSamples, int[][] shapes, Generator rng) {
        Tensor[][] out = new Tensor[numSamples][shapes.length];
        for (int j = 0; j < shapes.length; j++) {
            int[] batchShape = new int[shapes[j].length + 1];
            batchShape[0] = numSamples;
            System.arraycopy(shapes[j], 0, batchShape, 1, shapes[j].length);
            double[] all = Tensor.randn(rng, batchShape).toDoubleArray();
            int d = numSamples == 0 ? 0 : all.length / numSamples;
            for (int k = 0; k < numSamples; k++) {
                double[] u = Arrays.copyOfRange(all, k * d, (k + 1) * d);
                if (sphere) {
                    toSphere(u);
                }
                out[k][j] = Tensor.of(u, shapes[j]);
            }
        }
        return out;
    }

    /** Scales {@code v} in place to length √d; a zero draw (probability zero) stays zero. */
    private static void toSphere(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        double scale = norm == 0 ? 0 : Math.sqrt(v.length) / norm;
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
    }
}
