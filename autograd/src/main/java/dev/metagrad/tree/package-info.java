/**
 * Trees of tensors (pytrees): nested lists, string-keyed maps and records with {@link
 * dev.metagrad.autograd.Tensor} leaves, the containers that optimizers and solvers work over.
 *
 * <p>{@link dev.metagrad.tree.Trees} flattens, rebuilds and maps trees (with dotted, state-dict style
 * paths); {@link dev.metagrad.tree.TreeDef} is a tree's structure; {@link dev.metagrad.tree.TreeMath}
 * is differentiable vector-space arithmetic over trees ({@code add}, {@code axpy}, {@code vdot},
 * {@code norm}, ...). A module's parameters, an ordered {@code Map<String, Tensor>}, are a tree as they are.
 */
package dev.metagrad.tree;
