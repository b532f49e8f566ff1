package dev.debugtoolbar.sample.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * {@code /redirect}: a form whose POST answers with a redirect back to the page (POST-redirect-GET). With the
 * toolbar's redirect interception on, the browser first shows a page with the target link and the toolbar
 * of the POST.
 */
public final class RedirectServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(RedirectServlet.class.getName());

    private final Pages pages;

    public RedirectServlet(Pages pages) {
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.render(request, response, "redirect", Map.of("done", request.getParameter("done") != null));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LOG.info(() -> "Wish list saved: " + request.getParameter("title"));
        response.sendRedirect(request.getContextPath() + "/redirect?done");
    }
}
