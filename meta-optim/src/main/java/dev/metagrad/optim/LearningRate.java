package dev.metagrad.optim;

import dev.metagrad.autograd.Tensor;

/**
 * A learning rate as TorchOpt accepts it: a number, a {@link Schedule} of the step count, or a 0-dim tensor
 * (possibly requiring grad, for a learned inner learning rate). Every alias ends with
 * {@code u -> u * (-lr)}, see {@link Transforms#scaleByLearningRate(LearningRate)}.
 */
public sealed interface LearningRate {
    /** A fixed learning rate. {@code value >= 0}. */
    record Constant(double value) implements LearningRate {
        /** @throws IllegalArgumentException when {@code value < 0} or NaN */
        public Constant {
            Arguments.nonNegative("lr", value);
        }
    }

    /** A learning rate {@code schedule.at(t - 1)} at step {@code t}. */
    record Scheduled(Schedule schedule) implements LearningRate {
        /** @throws IllegalArgumentException when {@code schedule} is null */
        public Scheduled {
            Arguments.nonNull("lr", schedule);
        }
    }

    /**
     * A learning rate held in a 0-dim floating tensor; when it requires grad, the updates are differentiable
     * in it.
     */
    record Learned(Tensor value) implements LearningRate {
        /** @throws IllegalArgumentException when {@code value} is null or not 0-dim */
        public Learned {
            Arguments.nonNull("lr", value);
            if (value.dim() != 0) {
                throw new IllegalArgumentException("lr must be a 0-dim tensor, got shape "
                        + java.util.Arrays.toString(value.shape()));
            }
        }
    }

    /** A fixed learning rate. */
    static LearningRate of(double value) {
        return new Constant(value);
    }

    /** A scheduled learning rate. */
    static LearningRate of(Schedule schedule) {
        return new Scheduled(schedule);
    }

    /** A learning rate held in a 0-dim tensor. */
    static LearningRate of(Tensor value) {
        return new Learned(value);
    }
}
