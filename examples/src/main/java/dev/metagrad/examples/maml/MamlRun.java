package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Tensor;

import java.util.List;

/** Replays a MAML run over given meta-batches and records what the golden files compare (FORMAT-maml.md M.5). */
public final class MamlRun {
    private MamlRun() {
    }

    /**
     * What a run produced.
     *
     * @param metaLosses                meta-loss of each iteration, before its outer step
     * @param innerLossesFirstTask      iteration 0, task 0: the support loss before each inner step
     * @param queryLossesFirstIteration iteration 0: each task's query loss
     * @param adaptedFirstTask          iteration 0, task 0: the adapted parameters
     * @param metaGradsFirstIteration   iteration 0: the meta-gradient
     * @param paramsAfterFirstStep      theta after the first outer step
     * @param paramsAfter               theta after the last outer step
     */
    public record Record(double[] metaLosses, double[] innerLossesFirstTask, double[] queryLossesFirstIteration,
                         List<Tensor> adaptedFirstTask, List<Tensor> metaGradsFirstIteration,
                         List<Tensor> paramsAfterFirstStep, List<Tensor> paramsAfter) {
    }

    /**
     * Runs one trainer step per batch.
     *
     * @throws IllegalArgumentException when there are no batches
     */
    public static Record replay(MetaTrainer trainer, List<List<SineTask>> batches) {
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("MamlRun: no meta-batches to replay");
        }
        double[] metaLosses = new double[batches.size()];
        MetaGradient first = null;
        List<Tensor> afterFirst = null;
        for (int i = 0; i < batches.size(); i++) {
            MetaGradient g = trainer.step(batches.get(i));
            metaLosses[i] = g.metaLoss();
            if (i == 0) {
                first = g;
                afterFirst = trainer.theta();
            }
        }
        TaskResult task0 = first.tasks().get(0);
        return new Record(metaLosses, task0.adaptation().innerLosses(), first.queryLosses(), task0.adaptation().adapted(),
                first.grads(), afterFirst, trainer.theta());
    }
}
