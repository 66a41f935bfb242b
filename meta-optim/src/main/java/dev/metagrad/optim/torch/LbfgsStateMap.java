package dev.metagrad.optim.torch;

import dev.metagrad.autograd.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts {@link LbfgsState} to and from torch's layout of {@code optimizer.state[params[0]]}:
 * <pre>
 *   func_evals, n_iter   integers (Long)
 *   al                   list of history_size 0-dim tensors or nulls (only once the two-loop recursion ran)
 *   d, prev_flat_grad    flat tensors
 *   t                    number (torch keeps a float or a 0-dim tensor; both are read)
 *   old_dirs, old_stps   lists of flat tensors, oldest first
 *   ro                   list of 0-dim tensors
 *   H_diag               0-dim tensor (numbers are read too)
 *   prev_loss            number (a one-element tensor is read too)
 * </pre>
 */
final class LbfgsStateMap {
    static final Set<String> KEYS = Set.of("func_evals", "n_iter", "al", "d", "t", "old_dirs", "old_stps", "ro", "H_diag",
            "prev_flat_grad", "prev_loss");

    private LbfgsStateMap() {
    }

    /** The state in torch's layout; an initial state gives an empty map (torch keeps no state before a step). */
    static Map<String, Object> toMap(LbfgsState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (s.funcEvals() == 0 && !s.hasHistory()) {
            return out;
        }
        out.put("func_evals", s.funcEvals());
        out.put("n_iter", s.nIter());
        if (s.al() != null) {
            out.put("al", new ArrayList<>(s.al()));
        }
        if (s.hasHistory()) {
            out.put("d", s.d());
            out.put("t", s.t().item());
            out.put("old_dirs", new ArrayList<>(s.oldDirs()));
            out.put("old_stps", new ArrayList<>(s.oldStps()));
            out.put("ro", new ArrayList<>(s.ro()));
            out.put("H_diag", s.hDiag());
            out.put("prev_flat_grad", s.prevFlatGrad());
            out.put("prev_loss", s.prevLoss().item());
        }
        return out;
    }

    /**
     * The state stored in {@code map} (torch's layout) for {@code n} flat parameters.
     *
     * @throws IllegalArgumentException for an unknown key, a value of the wrong type or shape (naming the key), or
     *                                  an inconsistent state (see {@link LbfgsState})
     */
    static LbfgsState fromMap(Map<String, ?> map, int n) {
        if (map.isEmpty()) {
            return LbfgsState.initial();
        }
        for (String k : map.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("LBFGS state: unknown key \"" + k + "\"; LBFGS keeps " + KEYS);
            }
        }
        long funcEvals = count(map, "func_evals");
        long nIter = count(map, "n_iter");
        boolean history = map.containsKey("old_dirs");
        LbfgsState s;
        if (history) {
            s = new LbfgsState(funcEvals, nIter, vector(map.get("d"), "d", n), scalar(map.get("t"), "t"),
                    vectors(map.get("old_dirs"), "old_dirs", n), vectors(map.get("old_stps"), "old_stps", n),
                    scalars(map.get("ro"), "ro", false), scalar(map.get("H_diag"), "H_diag"),
                    vector(map.get("prev_flat_grad"), "prev_flat_grad", n), scalar(map.get("prev_loss"), "prev_loss"),
                    map.containsKey("al") ? scalars(map.get("al"), "al", true) : null);
        } else {
            for (String k : map.keySet()) {
                if (!k.equals("func_evals") && !k.equals("n_iter")) {
                    throw new IllegalArgumentException("LBFGS state: \"" + k + "\" is given without \"old_dirs\"");
                }
            }
            s = new LbfgsState(funcEvals, nIter, null, null, null, null, null, null, null, null, null);
        }
        if (s.al() != null && s.al().size() < s.oldDirs().size()) {
            throw new IllegalArgumentException("LBFGS state: \"al\" has " + s.al().size() + " entries but the history has "
                    + s.oldDirs().size() + " pairs");
        }
        return s;
    }

    private static long count(Map<String, ?> map, String key) {
        Object v = map.get(key);
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return d.longValue();
        }
        if (v instanceof Tensor t && t.numel() == 1 && t.item() == Math.rint(t.item())) {
            return (long) t.item();
        }
        throw new IllegalArgumentException("LBFGS state: \"" + key + "\" must be an integer, got " + StateValues.describe(v));
    }

    private static Tensor scalar(Object v, String key) {
        if (v instanceof Number num) {
            return Tensor.scalar(num.doubleValue());
        }
        if (v instanceof Tensor t && t.numel() == 1) {
            return t.dim() == 0 ? t : t.reshape();
        }
        throw new IllegalArgumentException("LBFGS state: \"" + key + "\" must be a number or a one-element tensor, got "
                + StateValues.describe(v));
    }

    private static Tensor vector(Object v, String key, int n) {
        if (v instanceof Tensor t && t.dim() == 1 && t.numel() == n && t.dtype().isFloatingPoint()) {
            return t;
        }
        throw new IllegalArgumentException("LBFGS state: \"" + key + "\" must be a flat floating-point tensor of " + n
                + " elements (all parameters), got " + StateValues.describe(v));
    }

    private static List<Tensor> vectors(Object v, String key, int n) {
        List<?> list = list(v, key);
        List<Tensor> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(vector(list.get(i), key + "[" + i + "]", n));
        }
        return out;
    }

    private static List<Tensor> scalars(Object v, String key, boolean nullable) {
        List<?> list = list(v, key);
        List<Tensor> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            out.add(e == null && nullable ? null : scalar(e, key + "[" + i + "]"));
        }
        return out;
    }

    private static List<?> list(Object v, String key) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("LBFGS state: \"" + key + "\" must be a list, got " + StateValues.describe(v));
    }
}
