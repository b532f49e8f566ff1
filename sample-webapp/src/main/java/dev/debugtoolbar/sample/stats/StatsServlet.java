package dev.debugtoolbar.sample.stats;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /api/stats}: the shop's counts as JSON, such as {@code {"authors":40,"books":200,"reviews":600}}. */
public final class StatsServlet extends HttpServlet {

    private final StatsRepository stats;

    public StatsServlet(StatsRepository stats) {
        this.stats = stats;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(stats.stats().toJson());
    }
}
