package dev.metagrad.optim;

import dev.metagrad.autograd.Autograd;
import dev.metagrad.autograd.Tensor;
import dev.metagrad.autograd.check.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A learning rate held in a 0-dim tensor that requires grad receives a gradient through the updates. */
@SuppressWarnings("unchecked")
class LearnedLearningRateTest {
    private static Tensor loss(Tensor p) {
        return p.square().square().mul(0.25).add(p.square()).sum();
    }

    /** ∇loss = p³ + 2p, written with tensor ops so it stays differentiable in p. */
    private static Tensor gradient(Tensor p) {
        return p.pow(3).add(p.mul(2.0));
    }

    @Test
    void sgdLearningRateGetsTheChainRuleGradient() {
        Tensor lr = Tensor.scalar(0.1).requiresGrad(true);
        Tensor p = Tensor.of(0.5, -1.0);
        GradientTransformation opt = Alias.sgd(SgdOptions.defaults().lr(lr));
        Tensor g = gradient(p);
        List<Tensor> p1 = Updates.applyUpdates(List.of(p), opt.update(List.of(g), opt.init(List.of(p)), List.of(p)).updates());
        Tensor dLr = Autograd.grad(loss(p1.get(0)), lr)[0];
        // p1 = p − lr·g, so d loss(p1)/d lr = −g · ∇loss(p1)
        double expected = -g.dot(gradient(p1.get(0).detach())).item();
        assertThat(dLr.item()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void adamLearningRateGradientMatchesFiniteDifferences() {
        Tensor p = Tensor.of(0.5, -1.0, 0.25);
        boolean ok = GradCheck.gradcheck(in -> {
            GradientTransformation opt = Alias.adam(AdamOptions.defaults().lr(in[0]));
            List<Tensor> params = List.of(p);
            OptState state = opt.init(params);
            for (int step = 0; step < 2; step++) {
                GradientTransformation.Update u = opt.update(List.of(gradient(params.get(0))), state, params);
                state = u.state();
                params = Updates.applyUpdates(params, u.updates());
            }
            return loss(params.get(0));
        }, Tensor.scalar(0.05).requiresGrad(true));
        assertThat(ok).isTrue();
    }

    @Test
    void adamLearningRateReceivesANonZeroGradient() {
        Tensor lr = Tensor.scalar(0.05).requiresGrad(true);
        Tensor p = Tensor.of(0.5, -1.0);
        GradientTransformation opt = Alias.adam(AdamOptions.defaults().lr(lr));
        GradientTransformation.Update u = opt.update(List.of(gradient(p)), opt.init(List.of(p)), List.of(p));
        List<Tensor> p1 = Updates.applyUpdates(List.of(p), u.updates());
        Tensor dLr = Autograd.grad(loss(p1.get(0)), lr)[0];
        assertThat(dLr.item()).isNegative(); // a larger step lowers the loss here
    }

    @Test
    void oneOptimizerServesManyOuterBackwardPasses() {
        Tensor lr = Tensor.scalar(0.1).requiresGrad(true);
        GradientTransformation opt = Alias.sgd(SgdOptions.defaults().lr(lr).momentum(0.5));
        for (int outer = 0; outer < 3; outer++) {
            Tensor p = Tensor.of(0.5, -1.0 + outer);
            GradientTransformation.Update u = opt.update(List.of(gradient(p)), opt.init(List.of(p)), List.of(p));
            Tensor dLr = Autograd.grad(loss(Updates.applyUpdates(List.of(p), u.updates()).get(0)), lr)[0];
            assertThat(dLr.item()).isFinite().isNotZero();
        }
    }

    @Test
    void inplaceGivesTheSameUpdates() {
        Tensor p = Tensor.of(0.5, -1.0);
        GradientTransformation opt = Alias.adam(0.1);
        OptState s = opt.init(List.of(p));
        List<Tensor> a = (List<Tensor>) opt.update(List.of(gradient(p)), s, List.of(p), true).updates();
        List<Tensor> b = (List<Tensor>) opt.update(List.of(gradient(p)), s, List.of(p)).updates();
        assertThat(a.get(0).toDoubleArray()).containsExactly(b.get(0).toDoubleArray());
    }
}
