package dev.metagrad.autograd.backend;

import dev.metagrad.autograd.Device;

import java.util.Optional;

/**
 * Service interface through which optional modules (such as {@code metagrad-native}) contribute
 * backends. Implementations are found with {@link java.util.ServiceLoader} and listed in
 * {@code META-INF/services/dev.metagrad.autograd.backend.BackendProvider}.
 */
public interface BackendProvider {
    /** The backend this provider runs on {@code device}, if it serves that device. */
    Optional<Backend> backendFor(Device device);

    /** Providers with a higher priority win for the same device; the built-in CPU backend has 0. */
    default int priority() {
        return 1;
    }
}
