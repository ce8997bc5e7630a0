package dev.scribe.gateway.service;

import dev.scribe.gateway.domain.TieredOperation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The flag store of platform AR-9 with the presets of AR-10. Reads are lock-free (the router reads
 * an immutable snapshot on every request); changes replace the whole snapshot, so a preset is
 * applied atomically.
 *
 * <p>The store is in memory and starts from the defaults on every start. AR-9 asks for a table in
 * the gateway schema shared by all replicas; that needs the gateway's DataSource, which the write
 * queue brings, and then this class gets a table behind it (see the gateway README).
 */
public class FeatureFlags {

    public static final String ALLOW_FALLBACK = "platform.adaptive.allow-fallback";
    public static final String REQUIRE_REMOTE_FOR_INSIGHTS =
            "platform.adaptive.require-remote-for-insights";
    public static final String STRICT_PRIVACY = "platform.adaptive.strict-privacy";
    public static final String FAIL_FAST = "platform.adaptive.fail-fast";
    public static final String LOG_FALLBACK_USAGE = "platform.adaptive.log-fallback-usage";

    /** Names of the presets of AR-10. */
    public static final Set<String> PRESETS = Set.of("emergency", "production", "development");

    private static final Map<String, Boolean> DEFAULTS = defaults();

    private final AtomicReference<Map<String, Boolean>> values = new AtomicReference<>(DEFAULTS);

    public static String remoteFlag(TieredOperation operation) {
        return "ai." + operation.operation().toolName() + ".remote.enabled";
    }

    public static String localFlag(TieredOperation operation) {
        return "ai." + operation.operation().toolName() + ".local.enabled";
    }

    private static Map<String, Boolean> defaults() {
        Map<String, Boolean> map = new TreeMap<>();
        for (TieredOperation operation : TieredOperation.values()) {
            map.put(remoteFlag(operation), true);
            map.put(localFlag(operation), true);
        }
        map.put(ALLOW_FALLBACK, true);
        map.put(REQUIRE_REMOTE_FOR_INSIGHTS, false);
        map.put(STRICT_PRIVACY, false);
        map.put(FAIL_FAST, false);
        map.put(LOG_FALLBACK_USAGE, true);
        return Map.copyOf(map);
    }

    /** Current value of a known flag. */
    public boolean isOn(String name) {
        Boolean value = values.get().get(name);
        if (value == null) {
            throw new IllegalArgumentException("Unknown flag: " + name);
        }
        return value;
    }

    /** Every flag with its value, sorted by name. */
    public Map<String, Boolean> all() {
        return new TreeMap<>(values.get());
    }

    public static boolean isKnown(String name) {
        return DEFAULTS.containsKey(name);
    }

    /**
     * Sets the given flags in one step. The caller validates names first ({@link #isKnown}).
     *
     * @return the flags whose value changed, with the new value
     */
    public Map<String, Boolean> set(Map<String, Boolean> changes) {
        Map<String, Boolean> changed = new LinkedHashMap<>();
        values.updateAndGet(
                current -> {
                    changed.clear();
                    Map<String, Boolean> next = new TreeMap<>(current);
                    changes.forEach(
                            (name, value) -> {
                                if (!isKnown(name)) {
                                    throw new IllegalArgumentException("Unknown flag: " + name);
                                }
                                if (!value.equals(next.put(name, value))) {
                                    changed.put(name, value);
                                }
                            });
                    return Map.copyOf(next);
                });
        return changed;
    }

    /** Puts every flag back to its AR-9 default. */
    public void restoreDefaults() {
        values.set(DEFAULTS);
    }

    /** The changes of a preset of AR-10, or empty for an unknown name. */
    public static Optional<Map<String, Boolean>> preset(String name) {
        Map<String, Boolean> bundle = new TreeMap<>();
        switch (name) {
            case "emergency" -> {
                for (TieredOperation operation : TieredOperation.values()) {
                    bundle.put(remoteFlag(operation), false);
                }
                bundle.put(ALLOW_FALLBACK, true);
                bundle.put(STRICT_PRIVACY, true);
                bundle.put(FAIL_FAST, true);
                bundle.put(LOG_FALLBACK_USAGE, true);
            }
            case "production", "development" -> {
                for (TieredOperation operation : TieredOperation.values()) {
                    bundle.put(remoteFlag(operation), true);
                    bundle.put(localFlag(operation), true);
                }
                bundle.put(STRICT_PRIVACY, name.equals("production"));
                bundle.put(FAIL_FAST, false);
                bundle.put(LOG_FALLBACK_USAGE, true);
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(bundle);
    }
}
