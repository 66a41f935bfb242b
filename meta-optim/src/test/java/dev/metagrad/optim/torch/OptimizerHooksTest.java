package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizerHooksTest {
    private final List<String> calls = new ArrayList<>();
    private final List<RemovableHandle> globals = new ArrayList<>();

    @AfterEach
    void removeGlobalHooks() {
        globals.forEach(RemovableHandle::remove);
    }

    private static SGD sgd() {
        Tensor p = Tensor.of(1.0).requiresGrad(true);
        return new SGD(List.of(p), Options.of("lr", 0.1, "momentum", 0.9));
    }

    private static void backward(Optimizer opt) {
        opt.zeroGrad();
        opt.params().get(0).square().sum().backward();
    }

    @Test
    void stepHooksRunGlobalPreInstancePreStepInstancePostGlobalPost() {
        SGD opt = sgd();
        globals.add(OptimizerHooks.registerGlobalStepPreHook((o, a) -> {
            calls.add("global pre");
            return null;
        }));
        globals.add(OptimizerHooks.registerGlobalStepPostHook((o, a) -> calls.add("global post " + o.params().get(0).item())));
        opt.registerStepPostHook((o, a) -> calls.add("post " + o.params().get(0).item()));
        opt.registerStepPreHook((o, a) -> {
            calls.add("pre " + o.params().get(0).item());
            return null;
        });
        backward(opt);
        opt.step();
        assertThat(calls).containsExactly("global pre", "pre 1.0", "post 0.8", "global post 0.8");
    }

    @Test
    void aPreHookMayReplaceTheClosure() {
        SGD opt = sgd();
        opt.registerStepPreHook((o, a) -> new StepArgs(() -> {
            calls.add("replacement closure");
            return Tensor.scalar(7.0);
        }));
        opt.registerStepPostHook((o, a) -> calls.add("post saw closure " + (a.closure() != null)));
        Tensor loss = opt.step(() -> Tensor.scalar(1.0));
        assertThat(loss.item()).isEqualTo(7.0);
        assertThat(calls).containsExactly("replacement closure", "post saw closure true");
    }

    @Test
    void removedHooksNoLongerRunAndRemovingTwiceIsHarmless() {
        SGD opt = sgd();
        RemovableHandle h = opt.registerStepPreHook((o, a) -> {
            calls.add("pre");
            return null;
        });
        try (RemovableHandle g = OptimizerHooks.registerGlobalStepPostHook((o, a) -> calls.add("global post"))) {
            opt.step();
            h.remove();
            h.remove();
        }
        opt.step();
        assertThat(calls).containsExactly("pre", "global post");
    }

    @Test
    void postHooksDoNotRunWhenTheStepThrows() {
        SGD opt = sgd();
        opt.registerStepPostHook((o, a) -> calls.add("post"));
        assertThatThrownBy(() -> opt.step(() -> {
            throw new IllegalStateException("closure failed");
        })).hasMessage("closure failed");
        assertThat(calls).isEmpty();
    }

    @Test
    void prependPutsAHookFirst() {
        SGD opt = sgd();
        opt.registerStateDictPreHook(o -> calls.add("first registered"));
        opt.registerStateDictPreHook(o -> calls.add("prepended"), true);
        globals.add(OptimizerHooks.registerGlobalStateDictPreHook(o -> calls.add("global"), false));
        opt.stateDict();
        assertThat(calls).containsExactly("global", "prepended", "first registered");
    }

    @Test
    void stateDictPostHookMayReplaceTheResult() {
        SGD opt = sgd();
        opt.registerStateDictPostHook((o, sd) -> sd.withGroupOptions(0, sd.paramGroups().get(0).options().with("lr", 42.0)));
        globals.add(OptimizerHooks.registerGlobalStateDictPostHook((o, sd) -> {
            calls.add("global post saw lr " + sd.paramGroups().get(0).options().get("lr"));
            return null;
        }, false));
        assertThat(opt.stateDict().paramGroups().get(0).options().get("lr")).isEqualTo(42.0);
        assertThat(calls).containsExactly("global post saw lr 42.0");
        assertThat(opt.paramGroups().get(0).lr()).isEqualTo(0.1);
    }

    @Test
    void loadHooksMayRewriteTheStateDictAndRunAfterLoading() {
        SGD source = sgd();
        backward(source);
        source.step();
        OptimizerStateDict saved = source.stateDict();

        SGD target = sgd();
        globals.add(OptimizerHooks.registerGlobalLoadStateDictPreHook((o, sd) -> {
            calls.add("global pre");
            return null;
        }, false));
        target.registerLoadStateDictPreHook((o, sd) -> {
            calls.add("pre");
            return sd.withGroupOptions(0, sd.paramGroups().get(0).options().with("lr", 0.25));
        });
        target.registerLoadStateDictPostHook(o -> calls.add("post lr " + o.paramGroups().get(0).lr()));
        globals.add(OptimizerHooks.registerGlobalLoadStateDictPostHook(o -> calls.add("global post"), false));
        target.loadStateDict(saved);
        assertThat(calls).containsExactly("global pre", "pre", "post lr 0.25", "global post");
        assertThat(((Tensor) target.state(0).get("momentum_buffer")).item())
                .isEqualTo(((Tensor) saved.state(0).get("momentum_buffer")).item());
    }

    @Test
    void loadPostHooksDoNotRunWhenLoadingFails() {
        SGD opt = sgd();
        opt.registerLoadStateDictPostHook(o -> calls.add("post"));
        OptimizerStateDict empty = new OptimizerStateDict(Map.of(), List.of());
        assertThatThrownBy(() -> opt.loadStateDict(empty)).hasMessageContaining("0 param group(s)");
        assertThat(calls).isEmpty();
    }

    @Test
    void globalHooksSeeEveryOptimizer() {
        globals.add(OptimizerHooks.registerGlobalStepPreHook((o, a) -> {
            calls.add(o.getClass().getSimpleName());
            return null;
        }));
        sgd().step();
        new Adam(List.of(Tensor.of(1.0).requiresGrad(true))).step();
        assertThat(calls).containsExactly("SGD", "Adam");
    }
}
