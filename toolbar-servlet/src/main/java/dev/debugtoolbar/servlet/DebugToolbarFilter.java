package dev.debugtoolbar.servlet;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.HostInfo;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.internal.ExcludedPaths;
import dev.debugtoolbar.core.redirects.RedirectsPanel;
import dev.debugtoolbar.servlet.internal.AllowedHosts;
import dev.debugtoolbar.servlet.internal.ClientAddress;
import dev.debugtoolbar.servlet.internal.ForwardedRequests;
import dev.debugtoolbar.servlet.internal.HtmlInjection;
import dev.debugtoolbar.servlet.internal.InjectingResponse;
import dev.debugtoolbar.servlet.internal.PanelSwitches;
import dev.debugtoolbar.servlet.internal.RecordingRequest;
import dev.debugtoolbar.servlet.internal.ServerTiming;
import dev.debugtoolbar.servlet.internal.ServletHost;
import dev.debugtoolbar.servlet.internal.ServletRequestView;
import dev.debugtoolbar.servlet.internal.ServletResponseView;
import dev.debugtoolbar.servlet.internal.ToolbarEndpoints;
import dev.debugtoolbar.servlet.internal.ToolbarRegistrations;
import dev.debugtoolbar.ui.LoaderSnippet;
import dev.debugtoolbar.ui.ToolbarAssets;
import dev.debugtoolbar.ui.ToolbarRenderer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The toolbar's servlet filter. Map it to {@code /*} for {@link DispatcherType#REQUEST} and
 * {@link DispatcherType#ERROR}, first in the chain. For every request of a client the {@link AccessPolicy}
 * allows, addressed to an allowed host ({@link DebugToolbar.Builder#allowedHosts}), while the toolbar is enabled,
 * it records the request, sets {@code X-Debug-Toolbar-Id} and {@code Server-Timing}, and injects the toolbar
 * into HTML pages; it also answers the toolbar's own endpoints (never recorded). An exception that escapes the
 * application is recorded (status 500) and passed on to the container; the error page the container then
 * dispatches to (an {@code ERROR} dispatch) gets the toolbar of the failed request. Anything else, and every
 * request while the toolbar is disabled, passes through untouched. Panels the user switched off in the toolbar
 * (cookie {@value #PANELS_OFF_COOKIE}) collect nothing. A request that came through a proxy is treated like a
 * client the policy rejects unless {@linkplain DebugToolbar.Builder#trustedProxies trusted proxies} are
 * configured; requests to {@linkplain DebugToolbar.Builder#excludedPaths excluded paths} pass through untouched.
 *
 * <p>Three ways to install it:
 * <ul>
 *   <li>no code: with the toolbar enabled by property or environment, {@link DebugToolbarInitializer}
 *       registers it in every web application that has this library on its class path;</li>
 *   <li>in code, with a toolbar you built:
 *       <pre>{@code
 * context.addFilter("debugToolbar", new DebugToolbarFilter(toolbar))
 *        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), false, "/*");
 *       }</pre></li>
 *   <li>in {@code web.xml}, through the {@linkplain #DebugToolbarFilter() no-argument constructor}.</li>
 * </ul>
 * The toolbar of a web application is published as the context attribute {@value #TOOLBAR_ATTRIBUTE}
 * (see {@link #toolbar(ServletContext)}), so that start-up code can {@link DebugToolbar#wrap wrap} its
 * data source with it.
 */
public class DebugToolbarFilter extends HttpFilter {

    /** The servlet context attribute that holds the web application's {@link DebugToolbar}. */
    public static final String TOOLBAR_ATTRIBUTE = "dev.debugtoolbar.core.DebugToolbar";

    /** The cookie that names the panels the user switched off, joined by {@code |}; set by the toolbar's script. */
    public static final String PANELS_OFF_COOKIE = "tb-off";

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(DebugToolbarFilter.class.getName());
    private static final String ACTIVE = DebugToolbarFilter.class.getName() + ".active";
    /** The id of the record of a request whose error page, if the container dispatches to one, gets its toolbar. */
    private static final String RECORDED = DebugToolbarFilter.class.getName() + ".recorded";
    private static final String ERROR_PAGE = DebugToolbarFilter.class.getName() + ".errorPage";
    private static final Pattern HOST_AND_PORT = Pattern.compile("(?:\\[[0-9A-Fa-f:.]{2,45}]|[A-Za-z0-9.-]{1,253})(?::[0-9]{1,5})?");

    private final transient boolean automatic;
    private transient DebugToolbar toolbar;
    private transient AccessPolicy policy;
    private transient ClientAddress clientAddress;
    private transient AllowedHosts allowedHosts;
    private transient ForwardedRequests forwarded;
    private transient ExcludedPaths excludedPaths;
    private transient ToolbarEndpoints endpoints;
    private transient LoaderSnippet snippet;
    private transient boolean steppedAside;
    private final transient ToolbarRenderer renderer = new ToolbarRenderer();
    private transient volatile HostInfo host = HostInfo.UNKNOWN;

    /**
     * A filter for {@code web.xml}. When the container initializes it, it takes the toolbar already published
     * in the context attribute {@value #TOOLBAR_ATTRIBUTE}, if start-up code put one there; otherwise it
     * builds one from its init parameters (named like the {@linkplain DebugToolbar.Builder builder's options}:
     * {@code enabled}, {@code allowedClients}, ...), system properties and environment, and publishes it.
     */
    public DebugToolbarFilter() {
        this.automatic = false;
    }

    /** A filter for {@code toolbar}, shown to the clients its configuration allows (loopback by default). */
    public DebugToolbarFilter(DebugToolbar toolbar) {
        this(toolbar, AccessPolicy.clientAddressIn(toolbar.config()));
    }

    /** A filter for {@code toolbar}, shown to the clients {@code policy} allows. */
    public DebugToolbarFilter(DebugToolbar toolbar, AccessPolicy policy) {
        this(toolbar, policy, false);
    }

    private DebugToolbarFilter(DebugToolbar toolbar, AccessPolicy policy, boolean automatic) {
        this.automatic = automatic;
        use(Objects.requireNonNull(toolbar, "toolbar"), Objects.requireNonNull(policy, "policy"));
    }

    /** The filter {@link DebugToolbarInitializer} registers: it steps aside if the application registers one too. */
    static DebugToolbarFilter automatic(DebugToolbar toolbar) {
        return new DebugToolbarFilter(toolbar, AccessPolicy.clientAddressIn(toolbar.config()), true);
    }

    /** The toolbar published in {@code context}, if there is one (see {@link #TOOLBAR_ATTRIBUTE}). */
    public static Optional<DebugToolbar> toolbar(ServletContext context) {
        return context.getAttribute(TOOLBAR_ATTRIBUTE) instanceof DebugToolbar toolbar
                ? Optional.of(toolbar) : Optional.empty();
    }

    private void use(DebugToolbar toolbar, AccessPolicy policy) {
        this.toolbar = toolbar;
        this.policy = policy;
        this.clientAddress = new ClientAddress(toolbar.config());
        this.allowedHosts = new AllowedHosts(toolbar.config());
        this.forwarded = new ForwardedRequests(toolbar.config());
        this.excludedPaths = new ExcludedPaths(toolbar.config().excludedPaths());
        ToolbarAssets assets = new ToolbarAssets();
        this.endpoints = new ToolbarEndpoints(toolbar, renderer, assets);
        this.snippet = new LoaderSnippet(assets);
    }

    /**
     * Sets up a filter made by the no-argument constructor (see there); an automatically registered filter
     * steps aside, passing every request through, when the application registered this filter itself. Also
     * learns what the container and the application tell about themselves, for the Settings and Versions panels.
     */
    @Override
    public void init() throws ServletException {
        ServletContext context = getServletContext();
        host = ServletHost.describe(context);
        if (toolbar == null) {
            DebugToolbar found = toolbar(context).orElse(null);
            DebugToolbar built = found != null ? found
                    : DebugToolbar.builder().options(getFilterConfig()::getInitParameter).build();
            if (found == null) {
                context.setAttribute(TOOLBAR_ATTRIBUTE, built);
            }
            use(built, AccessPolicy.clientAddressIn(built.config()));
        }
        if (automatic) {
            String other = ToolbarRegistrations.otherThan(context, getFilterName());
            if (other != null) {
                steppedAside = true;
                LOG.log(System.Logger.Level.INFO, "The application registered the debug toolbar filter as ''{0}''"
                        + " itself; the automatically registered one steps aside", other);
            }
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!steppedAside && toolbar.isEnabled() && request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute(RECORDED) instanceof String id && request.getAttribute(ERROR_PAGE) == null) {
            injectIntoErrorPage(request, response, chain, id);
            return;
        }
        if (steppedAside || !toolbar.isEnabled() || request.getDispatcherType() != DispatcherType.REQUEST
                || request.getAttribute(ACTIVE) != null) {
            chain.doFilter(request, response);
            return;
        }
        String prefix = toolbar.config().pathPrefix();
        String path = ServletRequestView.pathInApplication(request);
        boolean endpoint = path.equals(prefix) || path.startsWith(prefix + "/");
        if (!endpoint && excludedPaths.matches(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (!policy.allows(request) || !allowedHosts.admits(request) || !forwarded.admits(request)) {
            if (endpoint) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (endpoint) {
            endpoints.handle(request, response, path.substring(prefix.length()), base(request));
        } else {
            record(request, response, chain);
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(ACTIVE, Boolean.TRUE);
        ServletRequestView view = new ServletRequestView(request, clientAddress.resolve(request), host);
        RequestContext context = toolbar.start(view, PanelSwitches.disabled(request.getCookies()));
        InjectingResponse wrapped = new InjectingResponse(response, context.id(), toolbar.config().maxBufferBytes(),
                request::isAsyncStarted, RedirectsPanel.intercepts(toolbar.config(), view),
                () -> response.setHeader(ServerTiming.HEADER,
                        ServerTiming.soFar(context.durationMillis(), toolbar.timingsSoFar(context))));
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            chain.doFilter(new RecordingRequest(request, toolbar, context), wrapped);
        } catch (IOException | ServletException | RuntimeException | Error failure) {
            context.recordException(failure);
            RequestRecord record = toolbar.finish(context,
                    ServletResponseView.of(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR));
            request.setAttribute(RECORDED, record.id());
            throw failure;
        }
        if (request.isAsyncStarted()) {
            wrapped.passThrough();
            request.getAsyncContext().addListener(new FinishOnComplete(context, response));
        } else {
            complete(request, response, wrapped, context);
        }
    }

    private void complete(HttpServletRequest request, HttpServletResponse response, InjectingResponse wrapped,
                          RequestContext context) throws IOException {
        String redirect = wrapped.interceptedRedirect();
        if (redirect == null) {
            wrapped.announceNotInjected();
        }
        RequestRecord record = toolbar.finish(context, ServletResponseView.of(response, response.getStatus()));
        request.setAttribute(RECORDED, record.id());
        if (redirect != null) {
            wrapped.replaceBody(renderer.renderRedirectPage(record, redirect, base(request)));
        }
        deliver(request, response, wrapped, record);
    }

    /** Gives the error page the container shows for a recorded request (an ERROR dispatch) that request's toolbar. */
    private void injectIntoErrorPage(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                     String id) throws IOException, ServletException {
        request.setAttribute(ERROR_PAGE, Boolean.TRUE);
        RequestRecord record = toolbar.store().find(id).orElse(null);
        if (record == null) {
            chain.doFilter(request, response);
            return;
        }
        InjectingResponse wrapped = new InjectingResponse(response, id, toolbar.config().maxBufferBytes(),
                request::isAsyncStarted, false,
                () -> response.setHeader(ServerTiming.HEADER, ServerTiming.of(record)));
        chain.doFilter(request, wrapped);
        if (!request.isAsyncStarted()) {
            wrapped.announceNotInjected();
            deliver(request, response, wrapped, record);
        } else {
            wrapped.passThrough();
        }
    }

    private void deliver(HttpServletRequest request, HttpServletResponse response, InjectingResponse wrapped,
                         RequestRecord record) throws IOException {
        List<String> policies = new ArrayList<>(response.getHeaders("Content-Security-Policy"));
        if (wrapped.isHoldingBody()) {
            policies.addAll(HtmlInjection.metaPolicies(wrapped.metaTags()));
        }
        String tag = wrapped.isHoldingBody() ? snippet.render(record.id(), origin(request) + base(request),
                HtmlInjection.scriptNonce(policies), HtmlInjection.styleNonce(policies)) : "";
        wrapped.finish(tag, () -> response.setHeader(ServerTiming.HEADER, ServerTiming.of(record)));
    }

    /**
     * The origin the loader's {@code src} names, scheme-relative ({@code //host:port}) so that no {@code <base>}
     * in the page can send the browser elsewhere: the host the browser addressed (its {@code Host} header, which
     * {@link AllowedHosts} admitted, when it is a plain host and port), with the scheme the page was loaded with,
     * which behind a TLS-terminating proxy the container may not know. Without such a header, a path alone.
     */
    private static String origin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host != null && HOST_AND_PORT.matcher(host).matches() ? "//" + host : "";
    }

    private String base(HttpServletRequest request) {
        return request.getContextPath() + toolbar.config().pathPrefix();
    }

    /** Ends the record of an asynchronous request when it completes, on whichever thread that happens. */
    private final class FinishOnComplete implements AsyncListener {
        private final RequestContext context;
        private final HttpServletResponse response;

        FinishOnComplete(RequestContext context, HttpServletResponse response) {
            this.context = context;
            this.response = response;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            toolbar.finish(context, ServletResponseView.of(response, response.getStatus()));
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
            if (event.getThrowable() != null) {
                context.recordException(event.getThrowable());
            }
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
