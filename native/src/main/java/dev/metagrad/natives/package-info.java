/**
 * Native kernels behind {@code dev.metagrad.autograd.backend.Backend}: BLAS on the CPU and
 * CUDA tensors on GPUs, through JavaCPP. Optional at run time. Arrives with the native issue; nothing lives here yet.
 */
package dev.metagrad.natives;
