package dev.metagrad.optim.torch.conformance;

import dev.metagrad.conformance.OpArgs;
import dev.metagrad.json.Json;
import dev.metagrad.optim.torch.lr.LrLambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The named {@code lr_lambda} specs of FORMAT.md section 5.2, as {@link LrLambda}s of the integer
 * {@code last_epoch}:
 * <pre>
 *   exp(gamma)               gamma ** epoch
 *   inv_linear(k)            1 / (1 + k·epoch)
 *   warmup_exp(warmup, gamma) (epoch + 1)/warmup if epoch < warmup else gamma ** (epoch − warmup)
 *   step_int(every, factor)  factor ** (epoch // every)
 *   const(value)             value
 *   alternate(even, odd)     even if epoch % 2 == 0 else odd
 * </pre>
 * An unknown kind or a missing parameter fails with a message naming it.
 */
final class GoldenLambdas {
    /** The kinds this runner knows. */
    static final List<String> KINDS = List.of("exp", "inv_linear", "warmup_exp", "step_int", "const", "alternate");

    private GoldenLambdas() {
    }

    /** One spec, or a list with one spec per group. */
    static Object decode(Object spec) {
        if (spec instanceof List<?> list) {
            List<LrLambda> out = new ArrayList<>();
            for (Object s : list) {
                out.add(of(s));
            }
            return out;
        }
        return of(spec);
    }

    @SuppressWarnings("unchecked")
    static LrLambda of(Object spec) {
        if (!(spec instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("lr_lambda: expected an object with a \"kind\", got " + Json.describe(spec));
        }
        Map<String, Object> m = (Map<String, Object>) spec;
        Object kind = m.get("kind");
        OpArgs a = new OpArgs("lr_lambda " + kind, m);
        a.value("kind");
        a.value("name");
        LrLambda lambda;
        if ("exp".equals(kind)) {
            double gamma = a.number("gamma");
            lambda = epoch -> Math.pow(gamma, epoch);
        } else if ("inv_linear".equals(kind)) {
            double k = a.number("k");
            lambda = epoch -> 1 / (1 + k * epoch);
        } else if ("warmup_exp".equals(kind)) {
            int warmup = a.integer("warmup");
            double gamma = a.number("gamma");
            lambda = epoch -> epoch < warmup ? (epoch + 1) / (double) warmup : Math.pow(gamma, epoch - warmup);
        } else if ("step_int".equals(kind)) {
            int every = a.integer("every");
            double factor = a.number("factor");
            if (every == 0) {
                throw new IllegalArgumentException("lr_lambda step_int: \"every\" must not be 0");
            }
            lambda = epoch -> Math.pow(factor, Math.floorDiv(epoch, every));
        } else if ("const".equals(kind)) {
            double value = a.number("value");
            lambda = epoch -> value;
        } else if ("alternate".equals(kind)) {
            double even = a.number("even");
            double odd = a.number("odd");
            lambda = epoch -> Math.floorMod(epoch, 2) == 0 ? even : odd;
        } else {
            throw new IllegalArgumentException("unknown lr_lambda kind " + Json.describe(kind) + "; known kinds: " + KINDS);
        }
        a.requireAllRead();
        return lambda;
    }
}
