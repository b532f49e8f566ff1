package dev.debugtoolbar.servlet;

import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import jakarta.servlet.ServletContainerInitializer;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.apache.catalina.valves.RemoteIpValve;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * An embedded servlet container on a random loopback port. The integration tests run the same HTTP checks on
 * each: the web application is set up through the standard servlet API only (its {@code setup} initializer),
 * so it is the same application on both.
 */
enum Container {

    /** Jetty 12, ee10. Discovery of initializers is done as a container does it, with {@link ServiceLoader}. */
    JETTY {
        @Override
        Deployment deploy(WebApp app) throws Exception {
            Server server = new Server();
            HttpConfiguration http = new HttpConfiguration();
            if (app.trustForwardedHeaders()) {
                http.addCustomizer(new ForwardedRequestCustomizer());
            }
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler(
                    app.contextPath().isEmpty() ? "/" : app.contextPath(), ServletContextHandler.SESSIONS);
            app.initParameters().forEach(context::setInitParameter);
            context.addServletContainerInitializer(app.setup());
            if (app.discover()) {
                ServiceLoader.load(ServletContainerInitializer.class).forEach(context::addServletContainerInitializer);
            }
            context.addServletContainerInitializer(app.lateSetup());
            if (app.errorPage() != null) {
                ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
                errors.addErrorPage(Throwable.class, app.errorPage());
                errors.addErrorPage(400, 599, app.errorPage());
                context.setErrorHandler(errors);
            }
            server.setHandler(context);
            server.start();
            return new Deployment(base(connector.getLocalPort(), app), server::stop);
        }
    },

    /** Tomcat 11; with discovery, a web application whose {@code ContextConfig} finds initializers itself. */
    TOMCAT {
        @Override
        Deployment deploy(WebApp app) throws Exception {
            Path baseDir = Files.createTempDirectory("tb-tomcat");
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(baseDir.toString());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            String docBase = Files.createDirectories(baseDir.resolve("webapp")).toString();
            Context context;
            if (app.discover()) {
                tomcat.setAddDefaultWebXmlToWebapp(false);
                context = tomcat.addWebapp(app.contextPath(), docBase);
                StandardJarScanner scanner = new StandardJarScanner();
                scanner.setScanClassPath(false);
                context.setJarScanner(scanner);
            } else {
                context = tomcat.addContext(app.contextPath(), docBase);
            }
            app.initParameters().forEach(context::addParameter);
            if (app.trustForwardedHeaders()) {
                // as Spring Boot's server.forward-headers-strategy=native sets it up
                RemoteIpValve valve = new RemoteIpValve();
                valve.setHostHeader("X-Forwarded-Host");
                valve.setPortHeader("X-Forwarded-Port");
                context.getPipeline().addValve(valve);
            }
            if (app.errorPage() != null) {
                ErrorPage forExceptions = new ErrorPage();
                forExceptions.setExceptionType(Throwable.class.getName());
                forExceptions.setLocation(app.errorPage());
                context.addErrorPage(forExceptions);
                for (int status = 400; status < 600; status++) {
                    ErrorPage forStatus = new ErrorPage();
                    forStatus.setErrorCode(status);
                    forStatus.setLocation(app.errorPage());
                    context.addErrorPage(forStatus);
                }
            }
            context.addServletContainerInitializer(app.setup(), null);
            // after ContextConfig has added the initializers it discovered
            context.addLifecycleListener(event -> {
                if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
                    context.addServletContainerInitializer(app.lateSetup(), null);
                }
            });
            tomcat.start();
            return new Deployment(base(connector.getLocalPort(), app), () -> {
                tomcat.stop();
                tomcat.destroy();
                deleteTree(baseDir);
            });
        }
    };

    /** Deploys {@code app} and starts the container. */
    abstract Deployment deploy(WebApp app) throws Exception;

    /**
     * A web application as the tests describe it.
     *
     * @param contextPath    {@code ""} for the root, else for example {@code /shop}
     * @param initParameters the context's init parameters
     * @param setup          registers the application's filters, servlets and listeners
     * @param discover       whether the container also runs the initializers found on the class path
     * @param lateSetup      more set-up, run after the discovered initializers
     * @param errorPage      where the container dispatches for exceptions and 4xx/5xx errors, or {@code null}
     * @param trustForwardedHeaders whether the container applies forwarding headers to the request's address,
     *                       host and scheme (Jetty's {@code ForwardedRequestCustomizer}, Tomcat's
     *                       {@code RemoteIpValve} with its default internal proxies)
     */
    record WebApp(String contextPath, Map<String, String> initParameters, ServletContainerInitializer setup,
                  boolean discover, ServletContainerInitializer lateSetup, String errorPage,
                  boolean trustForwardedHeaders) {
    }

    /** A started container. */
    record Deployment(URI base, Stopper stopper) {
        /** Stops the container. */
        void stop() throws Exception {
            stopper.stop();
        }
    }

    /** Stops a container. */
    @FunctionalInterface
    interface Stopper {
        void stop() throws Exception;
    }

    private static URI base(int port, WebApp app) {
        return URI.create("http://127.0.0.1:" + port + app.contextPath() + "/");
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
