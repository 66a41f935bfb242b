/** Runner for the {@code zero_order} cases of {@code torchopt.json}, plugged into meta-optim's conformance suite. */
package dev.metagrad.zeroorder.conformance;
