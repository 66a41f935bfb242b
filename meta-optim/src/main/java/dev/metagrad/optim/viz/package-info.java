/**
 * Visualising autograd graphs: {@link dev.metagrad.optim.viz.GraphViz#makeDot} (TorchOpt's {@code make_dot},
 * drawn as torchviz draws it) turns the graph behind a tensor into Graphviz DOT text, and
 * {@link dev.metagrad.optim.viz.Dot} saves it or renders it with the {@code dot} binary when one is installed.
 */
package dev.metagrad.optim.viz;
