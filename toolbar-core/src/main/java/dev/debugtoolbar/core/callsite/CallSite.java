package dev.debugtoolbar.core.callsite;

import java.util.List;

/**
 * Where the application made a call that the toolbar recorded, captured cheaply on the hot path and
 * resolved once, when the request ends.
 *
 * <p>{@link #capture()} only creates a {@link Throwable}, whose stack the JVM fills in natively; the
 * expensive {@link Throwable#getStackTrace()} runs in {@link #resolve()}, outside the application's
 * calls. The result is the first frame of application code: frames of the JDK, of the servlet
 * container, of the libraries the toolbar wraps and of the toolbar itself are skipped (the sample
 * application, {@code dev.debugtoolbar.sample}, counts as application code).
 */
public final class CallSite {

    private static final List<String> LIBRARY_PREFIXES = List.of(
            "java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.",
            "org.eclipse.jetty.", "org.apache.catalina.", "org.thymeleaf.", "net.ttddyy.", "org.h2.",
            "com.zaxxer.", "com.github.benmanes.caffeine.", "dev.debugtoolbar.");
    private static final String APPLICATION_PREFIX = "dev.debugtoolbar.sample.";

    private final Throwable stack;

    private CallSite(Throwable stack) {
        this.stack = stack;
    }

    /** The stack of the calling thread, kept unresolved. */
    public static CallSite capture() {
        return new CallSite(new Throwable("call site"));
    }

    /**
     * The first application frame, for example {@code shop.Books.find(Books.java:42)}, or {@code null} when
     * every frame belongs to the JDK, a library or the toolbar.
     */
    public String resolve() {
        return firstApplicationFrame(stack.getStackTrace());
    }

    static String firstApplicationFrame(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            if (isApplication(frame.getClassName())) {
                return frame.getClassName() + "." + frame.getMethodName() + "(" + location(frame) + ")";
            }
        }
        return null;
    }

    /** Whether a class is the application's own, as opposed to the JDK's, a library's or the toolbar's. */
    static boolean isApplication(String className) {
        if (className.startsWith(APPLICATION_PREFIX)) {
            return true;
        }
        for (String prefix : LIBRARY_PREFIXES) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    private static String location(StackTraceElement frame) {
        if (frame.isNativeMethod()) {
            return "Native Method";
        }
        String file = frame.getFileName() == null ? "Unknown Source" : frame.getFileName();
        return frame.getLineNumber() >= 0 ? file + ":" + frame.getLineNumber() : file;
    }
}
