package dev.metagrad.optim.transform;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.optim.GradientTransformation;
import dev.metagrad.optim.Hooks;
import dev.metagrad.optim.Transforms;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterHookTest {
    @SuppressWarnings("unchecked")
    private static Tensor hooked(GradientTransformation t, Tensor u) {
        return ((List<Tensor>) t.update(List.of(u), t.init(List.of(u)), null).updates()).get(0);
    }

    @Test
    void isTheIdentityForward() {
        Tensor x = Tensor.of(1.0, -2.0).requiresGrad(true);
        Tensor u = hooked(Transforms.registerHook(Hooks.zeroNanHook()), x.mul(2.0));
        assertThat(u.toDoubleArray()).containsExactly(2.0, -4.0);
    }

    @Test
    void zeroNanHookReplacesNaNAndInfinitiesInTheBackward() {
        Tensor x = Tensor.of(1.0, 1.0, 1.0).requiresGrad(true);
        Tensor u = hooked(Transforms.registerHook(Hooks.zeroNanHook()), x.mul(0.5));
        Tensor g = Autograd.gradOf(u).inputs(x)
                .gradOutputs(Tensor.of(Double.NaN, Double.POSITIVE_INFINITY, 2.0)).compute()[0];
        assertThat(g.toDoubleArray()).containsExactly(0.0, Double.MAX_VALUE * 0.5, 1.0);
    }

    @Test
    void nanToNumHookUsesItsReplacements() {
        Tensor x = Tensor.of(1.0, 1.0).requiresGrad(true);
        Tensor u = hooked(Transforms.registerHook(Hooks.nanToNumHook(0.25, 10.0, -10.0)), x.mul(1.0));
        Tensor g = Autograd.gradOf(u).inputs(x).gradOutputs(Tensor.of(Double.NaN, Double.NEGATIVE_INFINITY)).compute()[0];
        assertThat(g.toDoubleArray()).containsExactly(0.25, -10.0);
    }

    @Test
    void leavesWithoutGradPassThrough() {
        Tensor c = Tensor.of(3.0);
        assertThat(hooked(Transforms.registerHook(Hooks.zeroNanHook()), c)).isSameAs(c);
    }
}
