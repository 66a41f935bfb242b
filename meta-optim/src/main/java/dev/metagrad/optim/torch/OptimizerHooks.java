package dev.metagrad.optim.torch;

/**
 * The hook signatures of {@link Optimizer} (torch's {@code register_step_pre_hook} and friends) and the
 * global hooks that run for every optimizer ({@code torch.optim.optimizer.register_optimizer_step_pre_hook};
 * metagrad has global variants of all six kinds).
 *
 * <p>Order, as in torch: pre-hooks run global ones first, then the optimizer's own; post-hooks run the
 * optimizer's own first, then the global ones. Within one list hooks run in registration order, except that
 * {@code prepend = true} puts a hook at the front. The global lists are thread-safe; every registration
 * returns a {@link RemovableHandle}.
 */
public final class OptimizerHooks {
    static final HookList<StepPreHook> STEP_PRE = new HookList<>();
    static final HookList<StepPostHook> STEP_POST = new HookList<>();
    static final HookList<StateDictPreHook> STATE_DICT_PRE = new HookList<>();
    static final HookList<StateDictPostHook> STATE_DICT_POST = new HookList<>();
    static final HookList<LoadStateDictPreHook> LOAD_PRE = new HookList<>();
    static final HookList<LoadStateDictPostHook> LOAD_POST = new HookList<>();

    private OptimizerHooks() {
    }

    /** {@code hook(optimizer, args) -> None or modified args}: runs before a step. */
    @FunctionalInterface
    public interface StepPreHook {
        /**
         * @return replacement arguments for the step (for example a different closure), or null to keep them
         */
        StepArgs beforeStep(Optimizer optimizer, StepArgs args);
    }

    /** {@code hook(optimizer, args) -> None}: runs after a step that did not throw. */
    @FunctionalInterface
    public interface StepPostHook {
        /** Called with the arguments the step ran with (after the pre-hooks). */
        void afterStep(Optimizer optimizer, StepArgs args);
    }

    /** {@code hook(optimizer) -> None}: runs before {@link Optimizer#stateDict()} builds the state dict. */
    @FunctionalInterface
    public interface StateDictPreHook {
        /** Called before the state dict is built. */
        void beforeStateDict(Optimizer optimizer);
    }

    /** {@code hook(optimizer, state_dict) -> state_dict or None}: runs on the state dict about to be returned. */
    @FunctionalInterface
    public interface StateDictPostHook {
        /** @return a replacement state dict, or null to keep it */
        OptimizerStateDict afterStateDict(Optimizer optimizer, OptimizerStateDict stateDict);
    }

    /** {@code hook(optimizer, state_dict) -> state_dict or None}: runs before a state dict is loaded. */
    @FunctionalInterface
    public interface LoadStateDictPreHook {
        /** @return a replacement state dict to load instead, or null to load this one */
        OptimizerStateDict beforeLoadStateDict(Optimizer optimizer, OptimizerStateDict stateDict);
    }

    /** {@code hook(optimizer) -> None}: runs after a state dict was loaded. */
    @FunctionalInterface
    public interface LoadStateDictPostHook {
        /** Called after loading succeeded. */
        void afterLoadStateDict(Optimizer optimizer);
    }

    /** Registers a step pre-hook for every optimizer ({@code register_optimizer_step_pre_hook}). */
    public static RemovableHandle registerGlobalStepPreHook(StepPreHook hook) {
        return STEP_PRE.add(hook, false);
    }

    /** Registers a step post-hook for every optimizer ({@code register_optimizer_step_post_hook}). */
    public static RemovableHandle registerGlobalStepPostHook(StepPostHook hook) {
        return STEP_POST.add(hook, false);
    }

    /** Registers a state-dict pre-hook for every optimizer; {@code prepend} puts it first. */
    public static RemovableHandle registerGlobalStateDictPreHook(StateDictPreHook hook, boolean prepend) {
        return STATE_DICT_PRE.add(hook, prepend);
    }

    /** Registers a state-dict post-hook for every optimizer; {@code prepend} puts it first. */
    public static RemovableHandle registerGlobalStateDictPostHook(StateDictPostHook hook, boolean prepend) {
        return STATE_DICT_POST.add(hook, prepend);
    }

    /** Registers a load-state-dict pre-hook for every optimizer; {@code prepend} puts it first. */
    public static RemovableHandle registerGlobalLoadStateDictPreHook(LoadStateDictPreHook hook, boolean prepend) {
        return LOAD_PRE.add(hook, prepend);
    }

    /** Registers a load-state-dict post-hook for every optimizer; {@code prepend} puts it first. */
    public static RemovableHandle registerGlobalLoadStateDictPostHook(LoadStateDictPostHook hook, boolean prepend) {
        return LOAD_POST.add(hook, prepend);
    }
}
