package dev.metagrad.optim.torch.lr;

import dev.metagrad.optim.torch.SGD;
import org.junit.jupiter.api.Test;

import static dev.metagrad.optim.torch.lr.LrTesting.lrs;
import static dev.metagrad.optim.torch.lr.LrTesting.sgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupWritesTest {
    @Test
    void readsSeePendingValuesBeforeTheCommit() {
        SGD opt = sgd(1.0, 0.5);
        GroupWrites w = new GroupWrites(opt.paramGroups());
        w.put(0, "lr", 0.25);
        w.put(1, "swa_lr", 0.1);
        assertThat(w.getDouble(0, "lr")).isEqualTo(0.25);
        assertThat(w.has(1, "swa_lr")).isTrue();
        assertThat(lrs(opt)).containsExactly(1.0, 0.5);
        w.commit();
        assertThat(lrs(opt)).containsExactly(0.25, 0.5);
        assertThat(opt.paramGroups().get(1).getDouble("swa_lr")).isEqualTo(0.1);
    }

    @Test
    void aRejectedValueUndoesTheWritesBeforeItAndAddsNoNewKeys() {
        SGD opt = sgd(1.0, 0.5);
        GroupWrites w = new GroupWrites(opt.paramGroups());
        w.put(0, "lr", 0.25);
        w.put(0, "initial_lr", 1.0);
        w.put(1, "lr", new Object());
        assertThatThrownBy(w::commit).isInstanceOf(IllegalArgumentException.class);
        assertThat(lrs(opt)).containsExactly(1.0, 0.5);
        assertThat(opt.paramGroups().get(0).has("initial_lr")).isFalse();
    }

    @Test
    void valuesOutsideTheConstructorsRangeAreWrittenAsTorchDoes() {
        // torch's schedulers assign param_group["lr"] without checks; a recursive form may end below 0
        SGD opt = sgd(1.0, 0.5);
        GroupWrites w = new GroupWrites(opt.paramGroups());
        w.put(1, "lr", -5.551115123125785E-19);
        w.commit();
        assertThat(lrs(opt)).containsExactly(1.0, -5.551115123125785E-19);
    }

    @Test
    void missingKeysAreNamed() {
        GroupWrites w = new GroupWrites(sgd(1.0).paramGroups());
        assertThatThrownBy(() -> w.get(0, "max_lr")).hasMessage("param_groups[0] has no \"max_lr\"");
    }
}
