/**
 * Implicit differentiation: {@code customRoot} / {@code customFixedPoint} and implicit
 * meta-gradient modules. Arrives with the linear-solve and implicit issue; nothing lives here yet.
 */
package dev.metagrad.implicit;
