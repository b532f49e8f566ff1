package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.redirects.RedirectsPanel;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Wraps a response so that a small, uncompressed HTML body is held back until the request ends, when the
 * loader tag can be injected into it. Everything else streams through untouched: the decision is made at
 * the first write, and buffering stops for good when the body outgrows the cap, when the application
 * commits the response itself ({@code flushBuffer}), sends an error or redirect, or goes asynchronous.
 * A {@code Content-Length} set by the application is held back while buffering and corrected at the end.
 * When told to intercept redirects, {@code sendRedirect} only sets the status and {@code Location}, so that the
 * host can answer with an intermediate page instead ({@link #interceptedRedirect()}, {@link #replaceBody}).
 */
public final class InjectingResponse extends HttpServletResponseWrapper {

    /** The header that names the recorded request. */
    public static final String ID_HEADER = "X-Debug-Toolbar-Id";

    private enum Mode { UNDECIDED, BUFFER, PASS }

    private final HttpServletResponse response;
    private final String requestId;
    private final long maxBufferBytes;
    private final boolean bodyless;
    private final BooleanSupplier asyncStarted;
    private final boolean interceptRedirects;

    /** The thread that records the request and finishes this response: the container's request thread. */
    private final Thread requestThread = Thread.currentThread();
    private Mode mode = Mode.UNDECIDED;
    private boolean bypassed;
    private long declaredLength = -1;
    private Bytes bytes;
    private StringBuilder chars;
    private ServletOutputStream stream;
    private PrintWriter writer;

    /**
     * @param response       the container's response
     * @param requestId      the recorded request's id, sent as {@value #ID_HEADER} (again after a reset)
     * @param maxBufferBytes larger bodies stream through without injection
     * @param bodyless       whether the request can have no body in its answer (HEAD)
     * @param asyncStarted   whether the request has gone asynchronous (then nothing is held back)
     * @param interceptRedirects whether redirects are held for an intermediate page rather than sent
     */
    public InjectingResponse(HttpServletResponse response, String requestId, long maxBufferBytes, boolean bodyless,
                             BooleanSupplier asyncStarted, boolean interceptRedirects) {
        super(response);
        this.response = response;
        this.requestId = requestId;
        this.maxBufferBytes = maxBufferBytes;
        this.bodyless = bodyless;
        this.asyncStarted = asyncStarted;
        this.interceptRedirects = interceptRedirects;
        response.setHeader(ID_HEADER, requestId);
    }

    @Override
    public synchronized ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        if (stream == null) {
            stream = new HoldingStream();
        }
        return stream;
    }

    @Override
    public synchronized PrintWriter getWriter() throws IOException {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() has already been called for this response");
        }
        if (writer == null) {
            writer = new HoldingPrintWriter();
        }
        return writer;
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public synchronized void setContentLengthLong(long length) {
        if (mode == Mode.PASS) {
            response.setContentLengthLong(length);
        } else {
            declaredLength = length;
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!holdContentLength(name, value)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!holdContentLength(name, value)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!holdContentLength(name, Integer.toString(value))) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!holdContentLength(name, Integer.toString(value))) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public synchronized void flushBuffer() throws IOException {
        passThrough();
        response.flushBuffer();
    }

    @Override
    public synchronized void reset() {
        response.reset();
        discardHeldBody();
        declaredLength = -1;
        mode = Mode.UNDECIDED;
        response.setHeader(ID_HEADER, requestId);
    }

    @Override
    public synchronized void resetBuffer() {
        response.resetBuffer();
        discardHeldBody();
    }

    @Override
    public synchronized void sendError(int status, String message) throws IOException {
        bypass();
        response.sendError(status, message);
    }

    @Override
    public synchronized void sendError(int status) throws IOException {
        bypass();
        response.sendError(status);
    }

    @Override
    public synchronized void sendRedirect(String location) throws IOException {
        if (!holdRedirect(location, SC_FOUND, true)) {
            response.sendRedirect(location);
        }
    }

    @Override
    public synchronized void sendRedirect(String location, int status) throws IOException {
        if (!holdRedirect(location, status, true)) {
            response.sendRedirect(location, status);
        }
    }

    @Override
    public synchronized void sendRedirect(String location, boolean clearBuffer) throws IOException {
        if (!holdRedirect(location, SC_FOUND, clearBuffer)) {
            response.sendRedirect(location, clearBuffer);
        }
    }

    @Override
    public synchronized void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
        if (!holdRedirect(location, status, clearBuffer)) {
            response.sendRedirect(location, status, clearBuffer);
        }
    }

    /**
     * When redirects are intercepted, sets only the status and {@code Location} and says so; otherwise stops
     * holding the body, so that the container's own redirect (each variant delegated as called) goes out.
     */
    private boolean holdRedirect(String location, int status, boolean clearBuffer) {
        if (interceptRedirects && !response.isCommitted()) {
            discardHeldBody();
            if (clearBuffer) {
                response.resetBuffer();
            }
            response.setStatus(status);
            response.setHeader("Location", location);
            return true;
        }
        bypass();
        return false;
    }

    /**
     * The target of the redirect the application answered with, when redirects are intercepted and the response
     * can still be replaced; else {@code null}. Redirects made with {@code sendRedirect} and those made by hand
     * (a 3xx status and a {@code Location} header) both count.
     */
    public synchronized String interceptedRedirect() {
        if (!interceptRedirects || bypassed || response.isCommitted()
                || !RedirectsPanel.isRedirect(response.getStatus())) {
            return null;
        }
        return response.getHeader("Location");
    }

    /** Replaces whatever the application answered with an HTML page (status 200, no {@code Location}), held for injection. */
    public synchronized void replaceBody(String page) {
        discardHeldBody();
        response.resetBuffer();
        response.setStatus(SC_OK);
        response.setHeader("Location", null);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        mode = Mode.BUFFER;
        declaredLength = 0;
        if (writer != null) {
            chars = new StringBuilder(page);
        } else {
            bytes = new Bytes();
            bytes.writeBytes(page.getBytes(charset()));
        }
    }

    /** Whether the body is being held back for injection. */
    public synchronized boolean isHoldingBody() {
        return mode == Mode.BUFFER && !bypassed;
    }

    /** Stops holding the body back: writes what is held and lets everything after it through. */
    public synchronized void passThrough() throws IOException {
        if (mode == Mode.PASS) {
            return;
        }
        mode = Mode.PASS;
        if (declaredLength >= 0 && !bypassed) {
            response.setContentLengthLong(declaredLength);
        }
        if (bytes != null && bytes.size() > 0) {
            response.getOutputStream().write(bytes.array(), 0, bytes.size());
        }
        if (chars != null && chars.length() > 0) {
            response.getWriter().append(chars);
        }
        bytes = null;
        chars = null;
    }

    /**
     * Completes the response when the application is done: a held body gets {@code tag} before its last
     * {@code </body>} and its true length; {@code finalHeaders} adds headers while that is still possible.
     */
    public synchronized void finish(String tag, Runnable finalHeaders) throws IOException {
        if (!response.isCommitted()) {
            finalHeaders.run();
        }
        if (mode == Mode.BUFFER && !bypassed) {
            writeHeld(tag);
        } else if (mode == Mode.UNDECIDED && declaredLength >= 0 && !bypassed && !response.isCommitted()) {
            response.setContentLengthLong(declaredLength);
        }
    }

    private void writeHeld(String tag) throws IOException {
        mode = Mode.PASS;
        if (chars != null) {
            StringBuilder page = chars;
            chars = null;
            HtmlInjection.inject(page, tag);
            if (declaredLength >= 0) {
                response.setContentLengthLong(page.toString().getBytes(charset()).length);
            }
            writeInSlices(page, response.getWriter());
        } else if (bytes != null) {
            byte[] page = HtmlInjection.inject(bytes.array(), bytes.size(), tag, charset());
            bytes = null;
            response.setContentLengthLong(page.length);
            response.getOutputStream().write(page);
        }
    }

    /** Writes {@code page} through a small buffer, without copying the whole page again. */
    private static void writeInSlices(StringBuilder page, Writer writer) throws IOException {
        char[] slice = new char[Math.min(8192, Math.max(1, page.length()))];
        for (int from = 0; from < page.length(); from += slice.length) {
            int to = Math.min(page.length(), from + slice.length);
            page.getChars(from, to, slice, 0);
            writer.write(slice, 0, to - from);
        }
    }

    private Charset charset() {
        try {
            String name = response.getCharacterEncoding();
            return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private boolean holdContentLength(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            return false;
        }
        synchronized (this) {
            if (mode == Mode.PASS) {
                return false;
            }
            try {
                declaredLength = Long.parseLong(value.trim());
                return true;
            } catch (NumberFormatException | NullPointerException malformed) {
                return false;
            }
        }
    }

    private void bypass() {
        bypassed = true;
        discardHeldBody();
        mode = Mode.PASS;
    }

    private void discardHeldBody() {
        if (bytes != null) {
            bytes.reset();
        }
        if (chars != null) {
            chars.setLength(0);
        }
    }

    /** Decides at the first write whether this body is held back. */
    private Mode decide() {
        if (mode == Mode.UNDECIDED) {
            mode = shouldHold() ? Mode.BUFFER : Mode.PASS;
            if (mode == Mode.PASS && declaredLength >= 0 && !bypassed) {
                response.setContentLengthLong(declaredLength);
            }
        }
        return mode;
    }

    private boolean shouldHold() {
        int status = response.getStatus();
        if (bypassed || bodyless || status < 200 || status == 204 || status == 304
                || response.isCommitted() || asyncStarted.getAsBoolean()) {
            return false;
        }
        String type = response.getContentType();
        if (type == null || !type.trim().toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return false;
        }
        String encoding = response.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
            return false;
        }
        return declaredLength <= maxBufferBytes;
    }

    private void holdBytes(byte[] data, int offset, int length) throws IOException {
        if (bytes == null) {
            bytes = new Bytes();
        }
        if (bytes.size() + (long) length > maxBufferBytes) {
            passThrough();
            response.getOutputStream().write(data, offset, length);
        } else {
            bytes.write(data, offset, length);
        }
    }

    /** Holds or passes on characters the application wrote; the caller owns this response (see HoldingPrintWriter). */
    private void writeChars(char[] data, int offset, int length) throws IOException {
        if (decide() == Mode.BUFFER) {
            holdChars(data, offset, length);
        } else {
            response.getWriter().write(data, offset, length);
        }
    }

    /** Like {@link #writeChars}, for a string. */
    private void writeText(String text, int offset, int length) throws IOException {
        if (decide() == Mode.BUFFER) {
            holdText(text, offset, length);
        } else {
            response.getWriter().write(text, offset, length);
        }
    }

    private void holdChars(char[] data, int offset, int length) throws IOException {
        if (canHoldChars(length)) {
            chars.append(data, offset, length);
        } else {
            response.getWriter().write(data, offset, length);
        }
    }

    private void holdText(String data, int offset, int length) throws IOException {
        if (canHoldChars(length)) {
            chars.append(data, offset, offset + length);
        } else {
            response.getWriter().write(data, offset, length);
        }
    }

    /** Whether {@code length} more characters are held back; when they would outgrow the cap, stops holding. */
    private boolean canHoldChars(int length) throws IOException {
        if (chars == null) {
            chars = new StringBuilder(1024);
        }
        if (chars.length() + (long) length > maxBufferBytes) {
            passThrough();
            return false;
        }
        return true;
    }

    /** The stream the application writes to. */
    private final class HoldingStream extends ServletOutputStream {
        private final byte[] single = new byte[1];

        @Override
        public void write(int b) throws IOException {
            synchronized (InjectingResponse.this) {
                single[0] = (byte) b;
                write(single, 0, 1);
            }
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            synchronized (InjectingResponse.this) {
                if (decide() == Mode.BUFFER) {
                    holdBytes(data, offset, length);
                } else {
                    response.getOutputStream().write(data, offset, length);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (InjectingResponse.this) {
                if (mode == Mode.PASS) {
                    response.getOutputStream().flush();
                }
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (InjectingResponse.this) {
                if (mode == Mode.PASS) {
                    response.getOutputStream().close();
                }
            }
        }

        @Override
        public boolean isReady() {
            synchronized (InjectingResponse.this) {
                return mode != Mode.PASS || delegateReady();
            }
        }

        private boolean delegateReady() {
            try {
                return response.getOutputStream().isReady();
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            synchronized (InjectingResponse.this) {
                try {
                    passThrough();
                    response.getOutputStream().setWriteListener(listener);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot switch to non-blocking output", e);
                }
            }
        }
    }

    /**
     * The writer the application gets. On the request's own thread it holds text without taking a lock: a
     * template engine writes a page in hundreds of small pieces, and a lock per piece showed in profiles. That
     * thread is also the one that finishes the response, after the application returned, so it never races with
     * itself; any other thread (an asynchronous request's, or one the application started) goes through
     * {@link HoldingWriter}, which locks this response like every method that changes what is held.
     */
    private final class HoldingPrintWriter extends PrintWriter {
        HoldingPrintWriter() {
            super(new HoldingWriter(), false);
            lock = InjectingResponse.this;
        }

        @Override
        public void write(int c) {
            if (Thread.currentThread() != requestThread) {
                super.write(c);
                return;
            }
            try {
                if (decide() == Mode.BUFFER && canHoldChars(1)) {
                    chars.append((char) c);
                } else {
                    response.getWriter().write(c);
                }
            } catch (IOException e) {
                setError();
            }
        }

        @Override
        public void write(char[] data, int offset, int length) {
            if (Thread.currentThread() != requestThread) {
                super.write(data, offset, length);
                return;
            }
            try {
                writeChars(data, offset, length);
            } catch (IOException e) {
                setError();
            }
        }

        @Override
        public void write(String text, int offset, int length) {
            if (Thread.currentThread() != requestThread) {
                super.write(text, offset, length);
                return;
            }
            try {
                writeText(text, offset, length);
            } catch (IOException e) {
                setError();
            }
        }
    }

    private final class HoldingWriter extends Writer {
        HoldingWriter() {
            super(InjectingResponse.this);
        }

        @Override
        public void write(char[] data, int offset, int length) throws IOException {
            synchronized (InjectingResponse.this) {
                writeChars(data, offset, length);
            }
        }

        /** Strings (as template engines write) go to the held text directly, not through a char[] copy. */
        @Override
        public void write(String text, int offset, int length) throws IOException {
            synchronized (InjectingResponse.this) {
                writeText(text, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (InjectingResponse.this) {
                if (mode == Mode.PASS) {
                    response.getWriter().flush();
                }
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (InjectingResponse.this) {
                if (mode == Mode.PASS) {
                    response.getWriter().close();
                }
            }
        }
    }

    /** A byte buffer whose array can be read without a copy. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(8192);
        }

        byte[] array() {
            return buf;
        }
    }
}
