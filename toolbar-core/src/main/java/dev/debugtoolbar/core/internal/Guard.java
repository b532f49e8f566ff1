package dev.debugtoolbar.core.internal;

import java.util.function.Consumer;
import java.util.function.Function;

/** Runs plug-in and store calls so that their failures are logged and handed on, never propagated. */
public final class Guard {

    private static final System.Logger LOG = System.getLogger("dev.debugtoolbar");

    private Guard() {
    }

    /** An action that may throw anything. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** A computation that may throw anything. */
    @FunctionalInterface
    public interface Computation<T> {
        T get() throws Exception;
    }

    /**
     * Computes a value; if that throws (an {@link Error} other than a {@link VirtualMachineError} included),
     * logs {@code description} with the failure and returns {@code fallback}'s answer to it.
     */
    public static <T> T call(Computation<T> computation, Function<Throwable, T> fallback, String description) {
        try {
            return computation.get();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable failure) {
            LOG.log(System.Logger.Level.WARNING, description, failure);
            return fallback.apply(failure);
        }
    }

    /** Runs an action; on failure logs {@code description} and passes the failure to {@code onFailure}. */
    public static void run(Action action, Consumer<Throwable> onFailure, String description) {
        // not through call(...): this runs for every template event, and the two adapters cost allocations there
        try {
            action.run();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable failure) {
            LOG.log(System.Logger.Level.WARNING, description, failure);
            onFailure.accept(failure);
        }
    }
}
