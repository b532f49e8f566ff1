package dev.debugtoolbar.sample.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The shop's error page, which the container dispatches to when a page fails. The debug toolbar's filter is
 * mapped for those error dispatches too, so this page carries the toolbar of the request that failed.
 */
public final class ErrorPageServlet extends HttpServlet {

    private final Pages pages;

    public ErrorPageServlet(Pages pages) {
        this.pages = pages;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("status", request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        model.put("path", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        pages.render(request, response, "error", model);
    }
}
