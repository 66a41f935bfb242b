package dev.metagrad.linearsolve;

import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import dev.metagrad.tree.Trees;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TreeVectorTest {
    private static final Map<String, Tensor> TREE = Map.of("m", Tensor.of(new double[][] {{1, 2}, {3, 4}}));

    @Test
    void ravelsAndUnravelsLeavesOfAnyShape() {
        List<Tensor> tree = List.of(Tensor.scalar(7.0), Tensor.of(new double[][] {{1, 2}, {3, 4}}));
        TreeVector layout = TreeVector.of(Trees.flatten(tree));
        assertThat(layout.size()).isEqualTo(5);
        Tensor v = layout.ravel(tree);
        assertThat(v.toDoubleArray()).containsExactly(7, 1, 2, 3, 4);
        @SuppressWarnings("unchecked")
        List<Tensor> back = (List<Tensor>) layout.unravel(v);
        assertThat(back.get(0).shape()).isEmpty();
        assertThat(back.get(1).shape()).containsExactly(2, 2);
        assertThat(back.get(1).toDoubleArray()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void unitVectorsAndMaterializedMatrix() {
        TreeVector layout = TreeVector.of(Trees.flatten(TREE));
        @SuppressWarnings("unchecked")
        Map<String, Tensor> e2 = (Map<String, Tensor>) layout.unit(2);
        assertThat(e2.get("m").toDoubleArray()).containsExactly(0, 0, 1, 0);
        // the operator doubles the first row and swaps nothing else: matrix diag(2, 2, 1, 1)
        LinearOperator op = x -> Trees.map(x, t -> t.mul(Tensor.of(new double[][] {{2, 2}, {1, 1}})));
        Tensor m = layout.materialize("t", op, Trees.flatten(TREE));
        assertThat(m.toDoubleArray()).containsExactly(2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
    }

    @Test
    void materializedMatrixIsDifferentiableInTheOperator() {
        Tensor a = Systems.randomGeneral(81, 3).requiresGrad(true);
        TreeVector layout = TreeVector.of(Trees.flatten(Tensor.zeros(3)));
        assertThat(GradCheck.gradcheck(in -> layout.materialize("t", LinearOperators.matrix(in[0]), Trees.flatten(Tensor.zeros(3))), a))
                .isTrue();
    }
}
