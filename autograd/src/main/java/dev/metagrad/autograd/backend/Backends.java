package dev.metagrad.autograd.backend;

import dev.metagrad.autograd.Device;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the backend for a device: the highest-priority {@link BackendProvider} on the class path that
 * serves it, else the pure-Java {@link CpuBackend} for the CPU. Providers are loaded once.
 */
public final class Backends {
    private static final List<BackendProvider> PROVIDERS = load();

    private Backends() {
    }

    private static List<BackendProvider> load() {
        List<BackendProvider> list = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(list::add);
        list.sort(Comparator.comparingInt(BackendProvider::priority).reversed());
        return List.copyOf(list);
    }

    /**
     * The backend for {@code device}.
     *
     * @throws IllegalArgumentException when no backend on the class path serves the device
     */
    public static Backend forDevice(Device device) {
        for (BackendProvider p : PROVIDERS) {
            var b = p.backendFor(device);
            if (b.isPresent()) {
                return b.get();
            }
        }
        if (device.equals(Device.CPU)) {
            return CpuBackend.INSTANCE;
        }
        throw new IllegalArgumentException("no backend serves device " + device
                + "; put metagrad-native (with its CUDA support) on the class path");
    }
}
