package dev.metagrad.optim.torch.swa;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.nn.BatchNorm1d;
import dev.metagrad.nn.Linear;
import dev.metagrad.nn.Module;
import dev.metagrad.nn.ReLU;
import dev.metagrad.nn.Sequential;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BatchNormUpdateTest {
    // per channel: means [3, 20], [4, 4], [2, 1]; unbiased variances [4, 100], [8, 32], [14/3, 2/3]
    private static final Tensor B1 = Tensor.of(new double[] {1, 10, 3, 30, 5, 20}, 3, 2);
    private static final Tensor B2 = Tensor.of(new double[] {2, 0, 6, 8}, 2, 2);
    private static final Tensor B3 = Tensor.of(new double[] {0, 1, 1, 0, 2, 2, 5, 1}, 4, 2);
    /** The plain averages over the three batches: means (3+4+2)/3, (20+4+1)/3; variances (4+8+14/3)/3, (100+32+2/3)/3. */
    private static final double[] MEAN = {3, 25.0 / 3};
    private static final double[] VAR = {50.0 / 9, 398.0 / 9};

    private static BatchNorm1d trainedNorm() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.forward(Tensor.of(new double[] {7, 7, 9, 1}, 2, 2)); // statistics that update_bn must discard
        return bn;
    }

    @Test
    void runningStatisticsBecomeThePlainAverageOverTheBatches() {
        BatchNorm1d bn = trainedNorm();
        BatchNormUpdate.updateBn(List.of(B1, B2, B3), bn);
        assertThat(bn.buffer("running_mean").toDoubleArray()).containsExactly(MEAN, within(1e-14));
        assertThat(bn.buffer("running_var").toDoubleArray()).containsExactly(VAR, within(1e-13));
        assertThat(bn.buffer("num_batches_tracked").toLongArray()).containsExactly(3);
        assertThat(bn.momentum()).isEqualTo(0.1);
    }

    @Test
    void theStatisticsAreThoseOfTheLayersInputInsideTheModel() {
        Linear fc = new Linear(2, 2, new Generator(0));
        fc.setParameter("weight", Tensor.of(new double[] {2, 0, 0, 1}, 2, 2).requiresGrad(true));
        fc.setParameter("bias", Tensor.of(1, 0).requiresGrad(true));
        Sequential model = new Sequential(fc, BatchNorm1d.builder(2).momentum(0.7).build(), new ReLU());
        BatchNormUpdate.updateBn(List.of(B1, B2, B3), model);
        // the layer sees [2 x + 1, y]: means 2 m + 1, variances 4 v
        assertThat(model.buffer("1.running_mean").toDoubleArray()).containsExactly(new double[] {7, 25.0 / 3}, within(1e-14));
        assertThat(model.buffer("1.running_var").toDoubleArray()).containsExactly(new double[] {200.0 / 9, 398.0 / 9}, within(1e-13));
        assertThat(((BatchNorm1d) model.get(1)).momentum()).isEqualTo(0.7);
    }

    @Test
    void batchesMayBeInputTargetPairs() {
        BatchNorm1d bn = trainedNorm();
        Tensor target = Tensor.of(1, 2, 3);
        BatchNormUpdate.updateBn(List.of(List.of(B1, target), new Object[] {B2, target}, B3), bn);
        assertThat(bn.buffer("running_mean").toDoubleArray()).containsExactly(MEAN, within(1e-14));
        record Example(String label, Tensor features) {
        }
        BatchNorm1d other = trainedNorm();
        BatchNormUpdate.updateBn(List.of(new Example("a", B1), new Example("b", B2), new Example("c", B3)),
                Example::features, other);
        assertThat(other.buffer("running_var").toDoubleArray()).containsExactly(VAR, within(1e-13));
    }

    @Test
    void theRootsTrainingModeIsRestoredOnTheWholeModelAsInTorch() {
        Sequential model = new Sequential(new Linear(2, 2, new Generator(0)), new BatchNorm1d(2));
        model.eval();
        BatchNormUpdate.updateBn(List.of(B1, B2), model);
        assertThat(model.namedModules().values()).allMatch(m -> !m.isTraining());

        model.train();
        model.get(1).eval();
        BatchNormUpdate.updateBn(List.of(B1, B2), model);
        // torch's model.train(was_training) puts the frozen layer back in training mode too
        assertThat(model.namedModules().values()).allMatch(Module::isTraining);
    }

    @Test
    void runsWithoutRecordingAGraph() {
        Linear fc = new Linear(2, 2, new Generator(0));
        Sequential model = new Sequential(fc, new BatchNorm1d(2));
        BatchNormUpdate.updateBn(List.of(B1.requiresGrad(true)), model);
        assertThat(model.buffer("1.running_mean").requiresGrad()).isFalse();
        assertThat(fc.parameter("weight").grad()).isNull();
    }

    @Test
    void updatesTheCopyInsideAnAveragedModel() {
        Sequential model = new Sequential(new Linear(2, 2, new Generator(0)), new BatchNorm1d(2));
        AveragedModel<Sequential> swa = new AveragedModel<>(model,
                () -> new Sequential(new Linear(2, 2, new Generator(1)), new BatchNorm1d(2)));
        swa.updateParameters(model);
        BatchNormUpdate.updateBn(List.of(B1, B2, B3), swa);
        assertThat(swa.buffer("module.1.num_batches_tracked").toLongArray()).containsExactly(3);
        assertThat(model.buffer("1.num_batches_tracked").toLongArray()).containsExactly(0);
        assertThat(swa.nAveraged()).isEqualTo(1);
    }

    @Test
    void aModelWithoutBatchNormIsLeftAloneAndTheDataAreNotRead() {
        Iterable<Tensor> unreadable = () -> {
            throw new AssertionError("the loader must not be read");
        };
        Linear fc = new Linear(2, 2, new Generator(0));
        fc.eval();
        BatchNormUpdate.updateBn(unreadable, fc);
        assertThat(fc.isTraining()).isFalse();
    }

    @Test
    void aFailingBatchRestoresEveryStatisticMomentumAndMode() {
        BatchNorm1d bn = trainedNorm();
        bn.eval();
        Map<String, Tensor> before = bn.stateDict();
        assertThatThrownBy(() -> BatchNormUpdate.updateBn(List.of(B1, "not a tensor"), bn))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a batch must be a Tensor, or a List or array whose first element is the input Tensor; got String");
        assertThatThrownBy(() -> BatchNormUpdate.updateBn(List.of(B1, Tensor.zeros(2, 3)), bn))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 2 channels");
        Iterable<Tensor> broken = () -> new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Tensor next() {
                if (n++ == 1) {
                    throw new IllegalStateException("disk gone");
                }
                return B1;
            }
        };
        assertThatThrownBy(() -> BatchNormUpdate.updateBn(broken, bn)).hasMessage("disk gone");
        assertThatThrownBy(() -> BatchNormUpdate.updateBn(List.of(B1), b -> null, bn))
                .hasMessageContaining("the input of batch 0 is null");
        for (Map.Entry<String, Tensor> e : before.entrySet()) {
            assertThat(bn.stateDict().get(e.getKey()).toDoubleArray()).as(e.getKey()).containsExactly(e.getValue().toDoubleArray());
        }
        assertThat(bn.momentum()).isEqualTo(0.1);
        assertThat(bn.isTraining()).isFalse();
    }
}
