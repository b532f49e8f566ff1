package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestContext;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request as the application sees it while it is recorded: the same request, except that work it
 * starts with {@link AsyncContext#start(Runnable)} runs bound to the request's record.
 */
public final class RecordingRequest extends HttpServletRequestWrapper {

    private final DebugToolbar toolbar;
    private final RequestContext context;

    /** Wraps {@code request}, recorded into {@code context} of {@code toolbar}. */
    public RecordingRequest(HttpServletRequest request, DebugToolbar toolbar, RequestContext context) {
        super(request);
        this.toolbar = toolbar;
        this.context = context;
    }

    @Override
    public AsyncContext startAsync() throws IllegalStateException {
        return new BindingAsyncContext(super.startAsync());
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) throws IllegalStateException {
        return new BindingAsyncContext(super.startAsync(request, response));
    }

    /** An {@link AsyncContext} whose {@code start} runs the task bound to the recorded request. */
    private final class BindingAsyncContext implements AsyncContext {
        private final AsyncContext delegate;

        BindingAsyncContext(AsyncContext delegate) {
            this.delegate = delegate;
        }

        @Override
        public void start(Runnable task) {
            delegate.start(() -> {
                try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
                    task.run();
                }
            });
        }

        @Override
        public ServletRequest getRequest() {
            return delegate.getRequest();
        }

        @Override
        public ServletResponse getResponse() {
            return delegate.getResponse();
        }

        @Override
        public boolean hasOriginalRequestAndResponse() {
            return delegate.hasOriginalRequestAndResponse();
        }

        @Override
        public void dispatch() {
            delegate.dispatch();
        }

        @Override
        public void dispatch(String path) {
            delegate.dispatch(path);
        }

        @Override
        public void dispatch(ServletContext context, String path) {
            delegate.dispatch(context, path);
        }

        @Override
        public void complete() {
            delegate.complete();
        }

        @Override
        public void addListener(AsyncListener listener) {
            delegate.addListener(listener);
        }

        @Override
        public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
            delegate.addListener(listener, request, response);
        }

        @Override
        public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
            return delegate.createListener(type);
        }

        @Override
        public void setTimeout(long timeout) {
            delegate.setTimeout(timeout);
        }

        @Override
        public long getTimeout() {
            return delegate.getTimeout();
        }
    }
}
