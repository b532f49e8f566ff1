package dev.debugtoolbar.core.callsite;

import java.util.ArrayList;
import java.util.List;

/**
 * The one rule that tells the application's frames from those of the JDK and the libraries around it, for
 * every panel that names a call site or highlights the application's code (SQL, cache, logging,
 * exceptions); {@link dev.debugtoolbar.core.ToolbarConfig#stackFilter()} configures it from the options
 * {@code skipCallSitePackages} and {@code applicationPackages}. A frame is the
 * application's unless its class name starts with one of the skipped prefixes; a class under one of the
 * application prefixes always counts as the application's (for an application that lives in a package a
 * skipped prefix covers, such as {@code org.springframework.samples}). Immutable and thread-safe.
 */
public final class StackFilter {

    /** Frames kept per call site, the first application frame included. */
    public static final int MAX_FRAMES = 40;

    /**
     * What is skipped by default: the JDK, the servlet containers, datasource-proxy, JDBC drivers,
     * connection pools, data-access, template, logging and serialisation libraries, caches, other JVM
     * languages' runtimes, test frameworks, and the toolbar itself.
     */
    public static final List<String> DEFAULT_SKIPPED = List.of(
            "java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.",
            "org.eclipse.jetty.", "org.apache.", "io.undertow.", "org.glassfish.", "com.ibm.ws.", "org.jboss.",
            "net.ttddyy.dsproxy.", "org.h2.", "org.postgresql.", "com.mysql.", "org.mariadb.", "oracle.jdbc.",
            "com.microsoft.sqlserver.", "org.hsqldb.", "org.sqlite.",
            "com.zaxxer.hikari.", "com.mchange.",
            "org.springframework.", "org.hibernate.", "org.jooq.", "org.mybatis.",
            "org.thymeleaf.", "org.attoparser.", "org.unbescape.", "ognl.", "com.github.benmanes.caffeine.",
            "org.ehcache.", "com.fasterxml.", "org.slf4j.", "ch.qos.logback.",
            "kotlin.", "scala.", "groovy.", "org.codehaus.groovy.", "org.junit.", "org.htmlunit.",
            "dev.debugtoolbar.core.", "dev.debugtoolbar.servlet.", "dev.debugtoolbar.ui.");

    private static final StackFilter DEFAULTS = new StackFilter(List.of(), List.of());

    private final String[] skipped;
    private final String[] application;

    /**
     * A filter that skips {@link #DEFAULT_SKIPPED} and {@code extraSkipped}, and always keeps classes
     * under {@code application}.
     */
    public StackFilter(List<String> extraSkipped, List<String> application) {
        List<String> all = new ArrayList<>(DEFAULT_SKIPPED);
        all.addAll(extraSkipped);
        this.skipped = all.toArray(String[]::new);
        this.application = application.toArray(String[]::new);
    }

    /** The default filter. */
    public static StackFilter defaults() {
        return DEFAULTS;
    }

    /** Whether frames of {@code className} are the application's own. */
    public boolean isApplication(String className) {
        for (String prefix : application) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        for (String prefix : skipped) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** The application frames of a stack, innermost first, as a call site. */
    public CallSite callSite(StackTraceElement[] frames) {
        List<String> kept = new ArrayList<>();
        for (StackTraceElement frame : frames) {
            if (isApplication(frame.getClassName())) {
                kept.add(describe(frame));
                if (kept.size() == MAX_FRAMES) {
                    break;
                }
            }
        }
        return kept.isEmpty() ? CallSite.UNKNOWN : new CallSite(kept.get(0), kept);
    }

    private static String describe(StackTraceElement frame) {
        String location;
        if (frame.isNativeMethod()) {
            location = "Native Method";
        } else {
            String file = frame.getFileName() == null ? "Unknown Source" : frame.getFileName();
            location = frame.getLineNumber() >= 0 ? file + ":" + frame.getLineNumber() : file;
        }
        return frame.getClassName() + "." + frame.getMethodName() + "(" + location + ")";
    }
}
