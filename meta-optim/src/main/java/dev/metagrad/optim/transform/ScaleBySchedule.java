package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.Arguments;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.OptState;
import dev.metagrad.optim.Schedule;
import dev.metagrad.optim.state.Counts;
import dev.metagrad.optim.state.ScaleByScheduleState;
import dev.metagrad.tree.Flattened;
import dev.metagrad.tree.Trees;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code u = schedule(count) · g}, then {@code count = count + 1}, with a per-leaf count starting at 0
 * (TorchOpt {@code scale_by_schedule}). The schedule is evaluated in float64 (TorchOpt's float32 evaluation is a
 * defect, FORMAT-torchopt.md section 11.2).
 */
public final class ScaleBySchedule implements GradientTransformation {
    private final Schedule schedule;

    /**
     * Scales by {@code schedule} of the step count.
     *
     * @throws IllegalArgumentException when {@code schedule} is null
     */
    public ScaleBySchedule(Schedule schedule) {
        this.schedule = Arguments.nonNull("step_size_fn", schedule);
    }

    @Override
    public OptState init(Object params) {
        return new ScaleByScheduleState(Counts.zerosLike(params));
    }

    @Override
    public Update update(Object updates, OptState state, Object params, boolean inplace) {
        ScaleByScheduleState s = Leaves.state("scaleBySchedule", state, ScaleByScheduleState.class);
        Flattened g = Trees.flatten(updates);
        List<Tensor> counts = Leaves.matching("scaleBySchedule", "count", s.count(), g.leaves().size());
        List<Tensor> out = new ArrayList<>(counts.size());
        List<Tensor> next = new ArrayList<>(counts.size());
        for (int i = 0; i < counts.size(); i++) {
            long count = Counts.value(counts.get(i));
            out.add(g.leaves().get(i).mul(schedule.at(count)));
            next.add(Counts.of(count + 1));
        }
        return new Update(g.def().unflatten(out), new ScaleByScheduleState(g.def().unflatten(next)));
    }
}
