/** TorchOpt's functional optimizer wrapper, {@link dev.metagrad.optim.func.FuncOptimizer}. */
package dev.metagrad.optim.func;
