/**
 * Zero-order gradient estimators (naive, forward, antithetic) and
 * {@code ZeroOrderGradientModule}. Arrives with the zero-order issue; nothing lives here yet.
 */
package dev.metagrad.zeroorder;
