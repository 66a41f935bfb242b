package dev.metagrad.examples.maml;

import dev.metagrad.autograd.Tensor;

/**
 * One sinusoid regression task {@code y = amplitude * sin(x - phase)}: a support set to adapt on and a
 * query set to evaluate the adapted model on. Every tensor is {@code [n, 1]}.
 *
 * @param supportX  support inputs {@code [S, 1]}
 * @param supportY  support targets {@code [S, 1]}
 * @param queryX    query inputs {@code [Q, 1]}
 * @param queryY    query targets {@code [Q, 1]}
 * @param amplitude the task's amplitude (informative: the targets are what count)
 * @param phase     the task's phase (informative)
 */
public record SineTask(Tensor supportX, Tensor supportY, Tensor queryX, Tensor queryY, double amplitude, double phase) {
    /** The true function of this task at {@code x}, for plots. */
    public double truth(double x) {
        return amplitude * Math.sin(x - phase);
    }
}
