package dev.metagrad.optim.torch.lr;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.torch.Adam;
import dev.metagrad.optim.torch.GroupSpec;
import dev.metagrad.optim.torch.Optimizer;
import dev.metagrad.optim.torch.Options;
import dev.metagrad.optim.torch.ParamGroup;
import dev.metagrad.optim.torch.SGD;
import dev.metagrad.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Optimizers and assertions shared by the scheduler tests. */
final class LrTesting {
    private LrTesting() {
    }

    private static List<GroupSpec> groups(double... lrs) {
        List<GroupSpec> groups = new ArrayList<>();
        for (int i = 0; i < lrs.length; i++) {
            groups.add(new GroupSpec(List.of(Tensor.of(1.0 + i, 2.0).requiresGrad(true)), Options.of("lr", lrs[i])));
        }
        return groups;
    }

    /** SGD with one group per lr (momentum 0.9). */
    static SGD sgd(double... lrs) {
        return new SGD(groups(lrs), Options.of("momentum", 0.9));
    }

    /** Adam with one group per lr, betas (0.9, 0.999). */
    static Adam adam(double... lrs) {
        return new Adam(groups(lrs), Options.empty());
    }

    /** An optimizer with neither momentum nor betas, whose step does nothing. */
    static Optimizer plain(double... lrs) {
        return new Optimizer(groups(lrs), Options.of("lr", 0.1)) {
            @Override
            protected Tensor performStep(Supplier<Tensor> closure) {
                return null;
            }
        };
    }

    static double[] lrs(Optimizer optimizer) {
        return optimizer.paramGroups().stream().mapToDouble(ParamGroup::lr).toArray();
    }

    static double lr(Optimizer optimizer, int group) {
        return optimizer.paramGroups().get(group).lr();
    }

    /**
     * Steps {@code optimizer} then {@code scheduler} {@code expected.length - 1} times and checks group 0's lr
     * after construction and after every step.
     */
    static void assertLrs(Optimizer optimizer, Runnable schedulerStep, double... expected) {
        assertThat(lr(optimizer, 0)).as("lr after construction").isCloseTo(expected[0], within(1e-15));
        for (int k = 1; k < expected.length; k++) {
            optimizer.step();
            schedulerStep.run();
            assertThat(lr(optimizer, 0)).as("lr after step " + k).isCloseTo(expected[k], within(1e-15));
        }
    }

    /** The closed form at the current epoch, for schedulers that have one. */
    static void assertClosedFormMatchesCurrentLrs(LRScheduler s) {
        double[] closed = s.closedFormLr();
        double[] now = lrs(s.optimizer());
        assertThat(closed).hasSize(now.length);
        for (int i = 0; i < now.length; i++) {
            assertThat(closed[i]).as("closed form of group " + i + " at epoch " + s.lastEpoch())
                    .isCloseTo(now[i], within(1e-12 * Math.abs(now[i]) + 1e-15));
        }
    }

    /** The state dict after a trip through JSON text (every number becomes a double). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> throughJson(Map<String, Object> state) {
        return (Map<String, Object>) Json.parse(Json.write(state));
    }
}
