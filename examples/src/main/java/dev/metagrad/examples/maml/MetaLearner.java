package dev.metagrad.examples.maml;

import dev.metagrad.autograd.GradMode;
import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Computes MAML meta-losses and meta-gradients over a meta-batch (FORMAT-maml.md M.4), optionally with
 * the tasks spread over worker threads. Each task differentiates its own query loss with respect to its
 * own leaf copy of theta, and the per-task gradients are summed in task order whatever the thread count,
 * so the result does not depend on scheduling: threads=N gives the same bits as threads=1.
 * Close it to stop the worker threads.
 */
public final class MetaLearner implements AutoCloseable {
    private final InnerLoop inner;
    private final ExecutorService pool;

    /**
     * A learner.
     *
     * @param config  the inner-loop settings
     * @param threads worker threads for the tasks of a meta-batch; 1 runs them on the calling thread
     * @throws IllegalArgumentException for fewer than one thread
     */
    public MetaLearner(MamlConfig config, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("MetaLearner: threads must be >= 1, got " + threads);
        }
        this.inner = new InnerLoop(config);
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "maml-task");
            t.setDaemon(true); // never keep the JVM alive for an unclosed learner
            return t;
        });
    }

    /** The inner loop. */
    public InnerLoop inner() {
        return inner;
    }

    /**
     * The meta-loss and its gradient at {@code theta} over {@code batch}.
     *
     * @param theta the meta-parameters (their values are used; they need not require grad)
     */
    public MetaGradient metaGradient(List<Tensor> theta, List<SineTask> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("MetaLearner: empty meta-batch");
        }
        List<TaskResult> results = new ArrayList<>(batch.size());
        if (pool == null) {
            for (SineTask task : batch) {
                results.add(task(theta, task));
            }
        } else {
            List<Future<TaskResult>> futures = new ArrayList<>(batch.size());
            for (SineTask task : batch) {
                futures.add(pool.submit(() -> task(theta, task)));
            }
            for (Future<TaskResult> f : futures) {
                results.add(join(f));
            }
        }
        return MetaGradient.mean(results);
    }

    /** One task: adapt, evaluate on the query set, differentiate back to a private leaf copy of theta. */
    private TaskResult task(List<Tensor> theta, SineTask task) {
        return TaskResult.differentiate(theta, task, inner::adapt);
    }

    private static TaskResult join(Future<TaskResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("MetaLearner: interrupted while waiting for a task", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("MetaLearner: a task failed: " + e.getCause(), e.getCause());
        }
    }

    /** The query MSE of each task after K inner steps from {@code theta}, without meta-gradients. */
    public double[] evaluate(List<Tensor> theta, List<SineTask> tasks) {
        double[] losses = new double[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            Adaptation a = adaptDetached(theta, tasks.get(t));
            try (GradMode.Scope scope = GradMode.noGrad()) {
                losses[t] = InnerLoop.loss(a.adapted(), tasks.get(t).queryX(), tasks.get(t).queryY()).item();
            }
        }
        return losses;
    }

    /**
     * Adapts {@code theta} to a task for evaluation or plotting: the inner gradients are needed, the
     * graph back to theta is not, so the adaptation is first order whatever the configuration (the
     * forward values are the same, M.4).
     */
    public Adaptation adaptDetached(List<Tensor> theta, SineTask task) {
        try (GradMode.Scope scope = GradMode.enableGrad()) {
            List<Tensor> leaves = new ArrayList<>(theta.size());
            for (Tensor p : theta) {
                leaves.add(p.detach());
            }
            Adaptation a = new InnerLoop(new MamlConfig(inner.config().innerSteps(), inner.config().innerLr(), true))
                    .adapt(leaves, task);
            List<Tensor> adapted = new ArrayList<>();
            for (Tensor p : a.adapted()) {
                adapted.add(p.detach());
            }
            return new Adaptation(List.copyOf(adapted), a.innerLosses());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
