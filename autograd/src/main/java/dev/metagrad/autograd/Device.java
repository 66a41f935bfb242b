package dev.metagrad.autograd;

import java.util.Objects;

/**
 * Where a tensor's storage lives: the host CPU or an accelerator with an index ({@code cuda:0}).
 * Operations require all their tensor operands on one device.
 *
 * @param type  kind of device, e.g. {@code "cpu"} or {@code "cuda"}
 * @param index ordinal among devices of that kind; 0 for the CPU
 */
public record Device(String type, int index) {
    /** The host CPU, served by the pure-Java backend unless a native one is registered. */
    public static final Device CPU = new Device("cpu", 0);

    /** Validates the fields. */
    public Device {
        Objects.requireNonNull(type, "type");
        if (index < 0) {
            throw new IllegalArgumentException("Device: index must be >= 0, got " + index);
        }
    }

    /** A CUDA device with the given ordinal. */
    public static Device cuda(int index) {
        return new Device("cuda", index);
    }

    @Override
    public String toString() {
        return type.equals("cpu") ? "cpu" : type + ":" + index;
    }
}
