package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OuterOptimizerTest {
    @Test
    void metaOptimAdamMatchesTheTorchExactReferenceAndKeepsZeroGradientsStill() {
        Generator rng = new Generator(11);
        List<Tensor> params = List.of(Tensor.randn(rng, 4, 3).requiresGrad(true), Tensor.randn(rng, 3).requiresGrad(true));
        OuterOptimizer lib = new OptimAdam(1e-2, 0.9, 0.999, 1e-8);
        OuterOptimizer ref = new TorchAdam(1e-2, 0.9, 0.999, 1e-8);
        List<Tensor> a = params;
        List<Tensor> b = params;
        for (int step = 0; step < 5; step++) {
            // the bias has an exactly-zero gradient in its first element, like a dead ReLU unit
            double[] gb = Tensor.randn(rng, 3).toDoubleArray();
            gb[0] = 0;
            List<Tensor> grads = List.of(Tensor.randn(rng, 4, 3), Tensor.of(gb, 3));
            a = lib.step(a, grads);
            b = ref.step(b, grads);
        }
        for (int i = 0; i < 2; i++) {
            double[] x = a.get(i).toDoubleArray();
            double[] y = b.get(i).toDoubleArray();
            for (int j = 0; j < x.length; j++) {
                assertThat(Math.abs(x[j] - y[j])).isLessThanOrEqualTo(1e-14 + 1e-12 * Math.abs(y[j]));
            }
            assertThat(a.get(i).requiresGrad()).isTrue();
            assertThat(a.get(i).isLeaf()).isTrue();
        }
        assertThat(a.get(1).toDoubleArray()[0]).isEqualTo(params.get(1).toDoubleArray()[0]);
        assertThat(b.get(1).toDoubleArray()[0]).isEqualTo(params.get(1).toDoubleArray()[0]);
    }
}
