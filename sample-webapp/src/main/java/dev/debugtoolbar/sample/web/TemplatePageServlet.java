package dev.debugtoolbar.sample.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** A page that is only its template, such as the home page. */
public final class TemplatePageServlet extends HttpServlet {

    private final Pages pages;
    private final String template;

    public TemplatePageServlet(Pages pages, String template) {
        this.pages = pages;
        this.template = template;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.render(request, response, template, Map.of());
    }
}
