package dev.debugtoolbar.sample.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Logger;

/** Fails on purpose: the exception escapes to the container, which answers 500 with the shop's error page. */
public final class FailServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(FailServlet.class.getName());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        LOG.warning("The /fail page is about to fail on purpose");
        throw new IllegalStateException("The sample's /fail page failed, as it always does");
    }
}
