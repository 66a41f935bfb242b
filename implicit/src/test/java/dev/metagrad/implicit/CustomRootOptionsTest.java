package dev.metagrad.implicit;

import dev.metagrad.linearsolve.LinearSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomRootOptionsTest {
    static Stream<Arguments> badArgnums() {
        return Stream.of(
                Arguments.of(new int[0], "at least one argument"),
                Arguments.of(null, "at least one argument"),
                Arguments.of(new int[] {0}, "argnums[0] = 0 names the initial guess z0"),
                Arguments.of(new int[] {1, -2}, "argnums[1] = -2 is negative"),
                Arguments.of(new int[] {1, 2, 1}, "repeats argument 1"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badArgnums")
    void badArgnumsAreRefusedWithTheReason(int[] argnums, String message) {
        assertThatThrownBy(() -> CustomRootOptions.builder().argnums(argnums).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void defaultsFollowTorchOpt() {
        CustomRootOptions o = CustomRootOptions.argnums(2, 1);
        assertThat(o.argnums()).containsExactly(2, 1);
        assertThat(o.hasAux()).isFalse();
        assertThat(o.solve()).isNotNull();
        assertThat(o.onLinearSolve()).isNull();
        assertThat(o.requireConvergence()).isFalse();
    }

    @Test
    void builderAndToBuilderKeepEverySetting() {
        LinearSolver solver = TestSolvers.dense();
        CustomRootOptions o = CustomRootOptions.builder().argnums(1).hasAux(true).solve(solver)
                .onLinearSolve(s -> { }).requireConvergence(true).build();
        CustomRootOptions copy = o.toBuilder().build();
        assertThat(copy.argnums()).containsExactly(1);
        assertThat(copy.hasAux()).isTrue();
        assertThat(copy.solve()).isSameAs(solver);
        assertThat(copy.onLinearSolve()).isSameAs(o.onLinearSolve());
        assertThat(copy.requireConvergence()).isTrue();
    }

    @Test
    void argnumsAreCopied() {
        int[] argnums = {1, 2};
        CustomRootOptions o = CustomRootOptions.argnums(argnums);
        argnums[0] = 5;
        o.argnums()[1] = 7;
        assertThat(o.argnums()).containsExactly(1, 2);
    }
}
