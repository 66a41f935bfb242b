package dev.metagrad.nn;

import java.util.List;

/**
 * Outcome of {@link Module#loadStateDict(java.util.Map, boolean)} (torch's {@code _IncompatibleKeys}).
 *
 * @param missingKeys    keys of the module's state dict that the loaded map lacked (their tensors kept)
 * @param unexpectedKeys keys of the loaded map the module does not have (ignored)
 */
public record LoadResult(List<String> missingKeys, List<String> unexpectedKeys) {
    /** Copies both lists into unmodifiable ones. */
    public LoadResult {
        missingKeys = List.copyOf(missingKeys);
        unexpectedKeys = List.copyOf(unexpectedKeys);
    }

    /** Whether every key matched. */
    public boolean isExactMatch() {
        return missingKeys.isEmpty() && unexpectedKeys.isEmpty();
    }
}
