package dev.debugtoolbar.core.exceptions;

import java.util.List;

/**
 * Tells the application's own stack frames from those of the JDK, the servlet container, common libraries and
 * the toolbar, by package name. Used to highlight where in the application an exception came from.
 */
final class ApplicationFrames {

    private static final List<String> FOREIGN = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.",
            "org.eclipse.jetty.", "org.apache.", "io.undertow.", "org.glassfish.", "com.ibm.ws.", "org.jboss.",
            "org.springframework.", "org.thymeleaf.", "org.attoparser.", "org.unbescape.", "ognl.",
            "com.fasterxml.", "net.ttddyy.", "org.h2.", "org.hibernate.", "com.zaxxer.", "org.postgresql.",
            "com.mysql.", "org.mariadb.", "org.slf4j.", "ch.qos.logback.", "kotlin.", "scala.", "groovy.",
            "org.codehaus.groovy.", "org.junit.", "org.htmlunit.",
            "dev.debugtoolbar.core.", "dev.debugtoolbar.ui.", "dev.debugtoolbar.servlet.");

    private ApplicationFrames() {
    }

    /** Whether a frame of class {@code className} belongs to the application. */
    static boolean isApplication(String className) {
        for (String prefix : FOREIGN) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
