package dev.metagrad.nn;

import dev.metagrad.autograd.Generator;
import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamsTest {
    /** A module whose forward is given by the test, with a parameter {@code w}, a buffer {@code b} and a child {@code fc}. */
    private static final class Probe extends Module {
        private final BiFunction<Tensor, Params, Tensor> body;
        private final List<Params> seen = new ArrayList<>();

        Probe(BiFunction<Tensor, Params, Tensor> body) {
            this.body = body;
            registerParameter("w", Tensor.of(2.0));
            registerBuffer("b", Tensor.of(10.0));
            registerModule("fc", new Linear(1, 1, new Generator(1)));
        }

        @Override
        protected Tensor forward(Tensor x, Params p) {
            seen.add(p);
            return body.apply(x, p);
        }
    }

    @Test
    void getReturnsTheOwnTensorInAPlainForward() {
        Probe probe = new Probe((x, p) -> p.get("w"));
        assertThat(probe.forward(Tensor.of(1.0))).isSameAs(probe.parameter("w"));
    }

    @Test
    void getReturnsTheSubstituteInAFunctionalCall() {
        Probe probe = new Probe((x, p) -> p.get("w").add(p.get("b")));
        Tensor y = Functional.call(probe, Map.of("b", Tensor.of(-1.0)), Tensor.of(1.0));
        assertThat(y.item()).isEqualTo(1.0);
    }

    @Test
    void childScopesResolveTheChildsTensors() {
        Probe probe = new Probe((x, p) -> p.child("fc").get("weight"));
        Tensor w = Tensor.of(new double[] {7}, 1, 1);
        assertThat(Functional.call(probe, Map.of("fc.weight", w), Tensor.of(1.0))).isSameAs(w);
    }

    @Test
    void forwardByNameAndByModuleRunTheChild() {
        Probe probe = new Probe((x, p) -> p.forward("fc", x).add(p.forward(p.module().children().get(0), x)));
        Linear fc = (Linear) probe.submodule("fc");
        Tensor x = Tensor.of(new double[] {3}, 1, 1);
        assertThat(probe.forward(x).item()).isEqualTo(2 * fc.forward(x).item());
    }

    @Test
    void scopesKnowTheirModulePathAndMode() {
        Probe probe = new Probe((x, p) -> x);
        probe.eval();
        probe.forward(Tensor.of(1.0));
        Params root = probe.seen.get(0);
        assertThat(root.module()).isSameAs(probe);
        assertThat(root.path()).isEmpty();
        assertThat(root.isTraining()).isFalse();
        assertThat(root.child("fc").path()).isEqualTo("fc");
        assertThat(root.child("fc").module()).isSameAs(probe.submodule("fc"));
    }

    @Test
    void unknownNamesAreErrorsNamingWhatExists() {
        assertThatThrownBy(() -> new Probe((x, p) -> p.get("v")).forward(Tensor.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'v'").hasMessageContaining("[w, b]");
        assertThatThrownBy(() -> new Probe((x, p) -> p.child("fc2").get("w")).forward(Tensor.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fc2'").hasMessageContaining("[fc]");
        assertThatThrownBy(() -> new Probe((x, p) -> p.child("fc").get("w")).forward(Tensor.of(1.0)))
                .hasMessageContaining("Linear 'fc' has no parameter or buffer named 'w'");
    }

    @Test
    void forwardRefusesAModuleThatIsNotAChild() {
        Linear stranger = new Linear(1, 1, new Generator(2));
        assertThatThrownBy(() -> new Probe((x, p) -> p.forward(stranger, x)).forward(Tensor.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a registered submodule");
    }

    @Test
    void updateBufferStoresInAPlainForwardAndLaterGetsSeeIt() {
        Probe probe = new Probe((x, p) -> {
            p.updateBuffer("b", p.get("b").add(x));
            return p.get("b");
        });
        Tensor y = probe.forward(Tensor.of(5.0));
        assertThat(y.item()).isEqualTo(15.0);
        assertThat(probe.buffer("b").item()).isEqualTo(15.0);
    }

    @Test
    void updateBufferInAFunctionalCallIsReportedAndSeenButNotStored() {
        Probe probe = new Probe((x, p) -> {
            p.updateBuffer("b", p.get("b").add(x));
            return p.get("b");
        });
        FunctionalResult r = Functional.bind(probe, Map.of()).run(Tensor.of(5.0));
        assertThat(r.output().item()).isEqualTo(15.0);
        assertThat(r.updatedBuffers().get("b").item()).isEqualTo(15.0);
        assertThat(probe.buffer("b").item()).isEqualTo(10.0);
    }

    @Test
    void updatedValuesAreDetached() {
        Tensor x = Tensor.of(1.0).requiresGrad(true);
        Probe probe = new Probe((in, p) -> {
            p.updateBuffer("b", in.mul(3.0));
            return in;
        });
        probe.forward(x);
        assertThat(probe.buffer("b").isLeaf()).isTrue();
        assertThat(probe.buffer("b").requiresGrad()).isFalse();
    }

    @Test
    void updateBufferChecksTheNameKindAndShape() {
        assertThatThrownBy(() -> new Probe((x, p) -> {
            p.updateBuffer("w", x);
            return x;
        }).forward(Tensor.of(1.0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a parameter");
        assertThatThrownBy(() -> new Probe((x, p) -> {
            p.updateBuffer("b", Tensor.zeros(2));
            return x;
        }).forward(Tensor.of(1.0))).hasMessageContaining("buffer 'b'").hasMessageContaining("[1]")
                .hasMessageContaining("[2]");
    }
}
