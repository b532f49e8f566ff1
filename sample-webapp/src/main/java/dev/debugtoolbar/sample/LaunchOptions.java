package dev.debugtoolbar.sample;

import java.util.Map;

/**
 * Where the sample listens, read from the command line ({@code --host H}, {@code --port N}), else from the
 * environment variable {@code PORT}, else the defaults {@value #DEFAULT_HOST} and {@value #DEFAULT_PORT}.
 * Port {@code 0} picks a free port.
 *
 * @param host the interface to bind to
 * @param port the TCP port, {@code 0} for any free one
 */
public record LaunchOptions(String host, int port) {

    /** Loopback only: the toolbar shows SQL and stack traces, which must not reach other machines. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    static final String USAGE = "usage: java -jar sample-webapp.jar [--port N] [--host H]";

    public LaunchOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
    }

    /**
     * Reads the options from program arguments and the environment.
     *
     * @throws IllegalArgumentException for an unknown argument, a missing value or a bad port
     */
    public static LaunchOptions parse(String[] args, Map<String, String> env) {
        String host = DEFAULT_HOST;
        String port = env.getOrDefault("PORT", String.valueOf(DEFAULT_PORT));
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = valueAfter(args, i);
                case "--host" -> host = valueAfter(args, i);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        return new LaunchOptions(host, parsePort(port));
    }

    private static String valueAfter(String[] args, int index) {
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(args[index] + " needs a value\n" + USAGE);
        }
        return args[index + 1];
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number, was '" + text + "'", e);
        }
    }
}
