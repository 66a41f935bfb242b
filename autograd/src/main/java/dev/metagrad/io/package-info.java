/**
 * Reading and writing tensors: {@link dev.metagrad.io.Safetensors} saves and loads state dicts in the
 * safetensors format shared with Hugging Face and PyTorch, validating untrusted files completely before
 * decoding them.
 */
package dev.metagrad.io;
