package dev.metagrad.nn.loss;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LossTest {
    @Test
    void aLambdaIsALoss() {
        Loss squaredSum = (input, target) -> input.sub(target).square().sum();
        assertThat(squaredSum.forward(Tensor.of(1, 2), Tensor.of(0, 0)).item()).isEqualTo(5.0);
    }

    @Test
    void lossesAreDifferentiableTwiceInTheInput() {
        Tensor x = Tensor.of(0.5, -1.0, 2.0).requiresGrad(true);
        Tensor loss = new MSELoss().forward(x, Tensor.of(0, 0, 0));
        Tensor g = Autograd.gradOf(loss).inputs(x).createGraph(true).compute()[0];
        assertThat(g.toDoubleArray()).containsExactly(2 * 0.5 / 3, -2.0 / 3, 4.0 / 3);
        assertThat(Autograd.grad(g.sum(), x)[0].toDoubleArray()).containsExactly(2.0 / 3, 2.0 / 3, 2.0 / 3);
    }
}
