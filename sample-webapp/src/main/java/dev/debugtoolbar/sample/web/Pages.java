package dev.debugtoolbar.sample.web;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.template.ThymeleafRecorder;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the sample's own Thymeleaf pages, {@code templates/NAME.html} on the classpath, as UTF-8 HTML.
 * Its engine is instrumented, so that the Templates panel shows every page with its fragments.
 */
public final class Pages {

    private final JakartaServletWebApplication application;
    private final TemplateEngine engine;

    public Pages(ServletContext servletContext, DebugToolbar toolbar) {
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
        this.engine = new TemplateEngine();
        engine.setTemplateResolver(classpathTemplates());
        ThymeleafRecorder.instrument(engine, toolbar);
    }

    /** Writes {@code template} with the given model as the response body. */
    public void render(HttpServletRequest request, HttpServletResponse response, String template,
            Map<String, Object> model) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        WebContext context = new WebContext(application.buildExchange(request, response), request.getLocale(), model);
        engine.process(template, context, response.getWriter());
    }

    /** Answers 404 with the shop's own page, saying what was not found. */
    public void notFound(HttpServletRequest request, HttpServletResponse response, String what)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        render(request, response, "not-found", Map.of("what", what));
    }

    private static ClassLoaderTemplateResolver classpathTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return resolver;
    }
}
