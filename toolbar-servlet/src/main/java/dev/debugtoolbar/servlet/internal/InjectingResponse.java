package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.redirects.RedirectsPanel;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Wraps a response so that a small, uncompressed HTML page is held back until the request ends, when the
 * loader tag can be injected where the browser's parser sees the end of its body ({@link BodyEndScanner}, fed
 * as the application writes). Everything else streams through untouched: the decision is made at the first
 * write, and holding stops for good when the body outgrows the cap, when the application sends an error or
 * redirect, or goes asynchronous. Only pages are touched: status 200 or an error status, never a partial
 * ({@code 206}, {@code Content-Range}) or any other response; a HEAD request is treated like the GET it mirrors,
 * so that both get the same {@code Content-Length}. A flush before the body's end sends what was written up to
 * the last place the loader may still go, so the browser sees the page as it streams; the loader still goes in
 * at the end. A flush after the body's end was written sends nothing: the page goes out whole at the end. A {@code Content-Length} set by the application is held back while holding and
 * corrected at the end; a page flushed with one set is left as it is. Before anything may commit the response
 * while the request still runs, {@code earlyHeaders} adds what is known so far.
 * When told to intercept redirects, {@code sendRedirect} only sets the status and {@code Location}, so that the
 * host can answer with an intermediate page instead ({@link #interceptedRedirect()}, {@link #replaceBody}).
 */
public final class InjectingResponse extends HttpServletResponseWrapper {

    /** The header that names the recorded request. */
    public static final String ID_HEADER = "X-Debug-Toolbar-Id";

    /** The header that says why an HTML page did not get the toolbar, when that is known before it is sent. */
    public static final String NOT_INJECTED_HEADER = "X-Debug-Toolbar-Not-Injected";

    private enum Mode { UNDECIDED, BUFFER, PASS }

    private final HttpServletResponse response;
    private final String requestId;
    private final long maxBufferBytes;
    private final BooleanSupplier asyncStarted;
    private final boolean interceptRedirects;
    private final Runnable earlyHeaders;

    /** The thread that records the request and finishes this response: the container's request thread. */
    private final Thread requestThread = Thread.currentThread();
    private Mode mode = Mode.UNDECIDED;
    private boolean bypassed;
    private boolean earlyHeadersSent;
    private long declaredLength = -1;
    private Bytes bytes;
    private StringBuilder chars;
    private BodyEndScanner scanner = new BodyEndScanner();
    /**
     * How much of what is held the scanner has read. It reads the held page when its answers are needed (a flush,
     * the end), in long runs, rather than each of the hundreds of small pieces a template engine writes.
     */
    private int scanned;
    /** How much of the held page a flush already sent: the position in the page of the first unit held. */
    private long sent;
    /** Why an HTML page is not injected into, once that is known; else {@code null}. */
    private String skipReason;
    private ServletOutputStream stream;
    private PrintWriter writer;

    /**
     * @param response       the container's response
     * @param requestId      the recorded request's id, sent as {@value #ID_HEADER} (again after a reset)
     * @param maxBufferBytes larger bodies stream through without injection
     * @param asyncStarted   whether the request has gone asynchronous (then nothing is held back)
     * @param interceptRedirects whether redirects are held for an intermediate page rather than sent
     * @param earlyHeaders   sets the headers known so far; run once, before the response may be committed while
     *                       the request runs (a body streamed through, a flush, an error, a redirect)
     */
    public InjectingResponse(HttpServletResponse response, String requestId, long maxBufferBytes,
                             BooleanSupplier asyncStarted, boolean interceptRedirects, Runnable earlyHeaders) {
        super(response);
        this.response = response;
        this.requestId = requestId;
        this.maxBufferBytes = maxBufferBytes;
        this.asyncStarted = asyncStarted;
        this.interceptRedirects = interceptRedirects;
        this.earlyHeaders = earlyHeaders;
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
        if (!holdsWholePage()) {
            sendHeldSoFar();
            response.flushBuffer();
        }
    }

    @Override
    public synchronized void reset() {
        response.reset();
        discardHeldBody();
        declaredLength = -1;
        mode = Mode.UNDECIDED;
        skipReason = null;
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
        sendEarlyHeaders();
        response.sendError(status, message);
    }

    @Override
    public synchronized void sendError(int status) throws IOException {
        bypass();
        sendEarlyHeaders();
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
        sendEarlyHeaders();
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
        scanner = new BodyEndScanner();
        scanned = 0;
        sent = 0;
        if (writer != null) {
            chars = new StringBuilder(page);
        } else {
            bytes = new Bytes();
            bytes.writeBytes(page.getBytes(charset()));
        }
    }

    /** Lets the scanner read what was held since it last read. */
    private void scanHeld() {
        if (chars != null && scanned < chars.length()) {
            scanner.scan(chars, scanned, chars.length());
            scanned = chars.length();
        } else if (bytes != null && scanned < bytes.size()) {
            scanner.scan(bytes.array(), scanned, bytes.size());
            scanned = bytes.size();
        }
    }

    /**
     * The text of the {@code <meta>} start tags in the held page's markup (where a page may set its
     * Content-Security-Policy), as far as they are still held.
     */
    public synchronized List<String> metaTags() {
        scanHeld();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < scanner.metaTagCount(); i++) {
            int start = (int) (scanner.metaTagStart(i) - sent);
            int end = (int) (scanner.metaTagEnd(i) - sent);
            if (start < 0) {
                continue;
            }
            if (chars != null) {
                tags.add(chars.substring(start, end));
            } else if (bytes != null) {
                tags.add(new String(bytes.array(), start, end - start, charset()));
            }
        }
        return tags;
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
        if (mode == Mode.BUFFER && skipReason == null) {
            skip("the request went asynchronous");
        }
        mode = Mode.PASS;
        sendEarlyHeaders();
        if (declaredLength >= 0 && !bypassed && !response.isCommitted()) {
            response.setContentLengthLong(declaredLength);
        }
        if (bytes != null && bytes.size() > 0) {
            response.getOutputStream().write(bytes.array(), 0, bytes.size());
        }
        if (chars != null && !chars.isEmpty()) {
            writeInSlices(chars, 0, chars.length(), response.getWriter());
        }
        bytes = null;
        chars = null;
    }

    /** Holding stops for {@code reason}: what is held goes out as it is, and the rest streams through. */
    private void giveUp(String reason) throws IOException {
        skip(reason);
        passThrough();
    }

    /** Remembers why this page gets no loader, and says so in a header while headers can still be set. */
    private void skip(String reason) {
        skipReason = reason;
        if (!response.isCommitted()) {
            response.setHeader(NOT_INJECTED_HEADER, reason);
        }
    }

    /**
     * Whether the held page's body has ended already: then a flush sends nothing, the page goes out whole when the
     * request ends, with its length and all its headers (template engines flush once when they are done).
     */
    private boolean holdsWholePage() {
        if (mode != Mode.BUFFER || bypassed) {
            return false;
        }
        scanHeld();
        return scanner.bodyEnd() >= 0;
    }

    /**
     * A flush while holding: sends the held page up to the last place the loader may still go (its body's end
     * so far, or a tag still being read), so that the browser sees it now. A page whose application declared its
     * length cannot grow once sent: it is given up instead.
     */
    private void sendHeldSoFar() throws IOException {
        if (mode != Mode.BUFFER || bypassed) {
            if (mode == Mode.UNDECIDED) {
                sendEarlyHeaders();
            }
            return;
        }
        if (declaredLength >= 0) {
            giveUp("the page was flushed before its end with a Content-Length set");
            return;
        }
        sendEarlyHeaders();
        scanHeld();
        int length = (int) (scanner.safeEnd() - sent);
        if (length <= 0) {
            return;
        }
        scanned -= length;
        if (chars != null) {
            writeInSlices(chars, 0, length, response.getWriter());
            chars.delete(0, length);
        } else if (bytes != null) {
            response.getOutputStream().write(bytes.array(), 0, length);
            bytes.dropFirst(length);
        }
        sent += length;
    }

    /**
     * Why this response, an HTML page, does not get the loader, as far as known now that the application is
     * done writing; {@code null} when it does or when it is no page at all. Sent as {@value #NOT_INJECTED_HEADER}
     * while headers can still be set.
     */
    public synchronized String notInjected() {
        if (skipReason == null && mode == Mode.BUFFER && !bypassed) {
            String problem = pageProblem();
            if (problem != null) {
                return problem;
            }
            scanHeld();
            if (scanner.doubt() != null) {
                return "not sure where the body ends: " + scanner.doubt();
            }
            if (scanner.bodyEnd() < 0) {
                return "no </body> where the browser ends the body (outside comments, scripts, raw text,"
                        + " <template>, SVG and MathML)";
            }
        }
        return skipReason;
    }

    /**
     * Sends {@link #notInjected()} as {@value #NOT_INJECTED_HEADER} when there is a reason and headers can still be
     * set; call when the application is done writing.
     */
    public synchronized void announceNotInjected() {
        String reason = notInjected();
        if (reason != null && !response.isCommitted()) {
            response.setHeader(NOT_INJECTED_HEADER, reason);
        }
    }

    /**
     * Completes the response when the application is done: a held page gets {@code tag} where its body ends
     * and its true length; {@code finalHeaders} adds headers while that is still possible.
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
        scanHeld();
        long bodyEnd = scanner.bodyEnd();
        int at = bodyEnd < 0 || tag.isEmpty() || pageProblem() != null ? -1 : (int) (bodyEnd - sent);
        boolean committed = response.isCommitted();
        if (chars != null) {
            StringBuilder page = chars;
            chars = null;
            if (at >= 0) {
                page.insert(at, tag);
            }
            if (declaredLength >= 0 && !committed) {
                response.setContentLengthLong(page.toString().getBytes(charset()).length);
            }
            writeInSlices(page, 0, page.length(), response.getWriter());
        } else if (bytes != null) {
            Bytes page = bytes;
            bytes = null;
            byte[] insert = at >= 0 ? tag.getBytes(charset()) : new byte[0];
            if (!committed) {
                response.setContentLengthLong(page.size() + insert.length);
            }
            OutputStream out = response.getOutputStream();
            if (at < 0) {
                out.write(page.array(), 0, page.size());
            } else {
                out.write(page.array(), 0, at);
                out.write(insert);
                out.write(page.array(), at, page.size() - at);
            }
        }
    }

    /** Writes {@code page[from, to)} through a small buffer, without copying the whole page again. */
    private static void writeInSlices(StringBuilder page, int from, int to, Writer writer) throws IOException {
        char[] slice = new char[Math.min(8192, Math.max(1, to - from))];
        for (int at = from; at < to; at += slice.length) {
            int end = Math.min(to, at + slice.length);
            page.getChars(at, end, slice, 0);
            writer.write(slice, 0, end - at);
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
        scanner = new BodyEndScanner();
        scanned = 0;
        sent = 0;
    }

    /** Runs {@code earlyHeaders} once, while the response is not committed. */
    private void sendEarlyHeaders() {
        if (!earlyHeadersSent && !response.isCommitted()) {
            earlyHeadersSent = true;
            earlyHeaders.run();
        }
    }

    /** Decides at the first write whether this body is held back. */
    private Mode decide() {
        if (mode == Mode.UNDECIDED) {
            mode = shouldHold() ? Mode.BUFFER : Mode.PASS;
            if (mode == Mode.PASS) {
                sendEarlyHeaders();
                if (declaredLength >= 0 && !bypassed && !response.isCommitted()) {
                    response.setContentLengthLong(declaredLength);
                }
            }
        }
        return mode;
    }

    private boolean shouldHold() {
        if (bypassed || asyncStarted.getAsBoolean() || !isHtml()) {
            return false;
        }
        String reason = pageProblem();
        if (reason == null && response.isCommitted() && declaredLength >= 0) {
            reason = "the page was committed before its end with a Content-Length set";
        }
        if (reason == null && declaredLength > maxBufferBytes) {
            reason = "the page is larger than maxBufferBytes";
        }
        if (reason == null && stream != null && !HtmlInjection.isAsciiCompatible(charset())) {
            reason = "the page's bytes are in " + charset().name() + ", which the toolbar does not read";
        }
        if (reason != null) {
            skip(reason);
        }
        return reason == null;
    }

    private boolean isHtml() {
        String type = response.getContentType();
        return type != null && type.trim().toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    /**
     * What makes this response no page to inject into, or {@code null}: pages are status 200 or error pages, whole
     * ({@code Content-Range} marks a part) and not content-encoded. Asked at the first write and again at the end.
     */
    private String pageProblem() {
        int status = response.getStatus();
        if (status != SC_OK && status < 400) {
            return "status " + status + " is not a page the toolbar may alter";
        }
        if (response.getHeader("Content-Range") != null) {
            return "a part of a response (Content-Range) is never altered";
        }
        String encoding = response.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
            return "the page is content-encoded (" + encoding.trim() + ")";
        }
        return null;
    }

    private void holdBytes(byte[] data, int offset, int length) throws IOException {
        if (bytes == null) {
            bytes = new Bytes();
        }
        if (bytes.size() + (long) length > maxBufferBytes) {
            giveUp("the page is larger than maxBufferBytes");
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
            giveUp("the page is larger than maxBufferBytes");
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
                if (holdsWholePage()) {
                    return;
                }
                sendHeldSoFar();
                if (mode != Mode.UNDECIDED) {
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
                if (holdsWholePage()) {
                    return;
                }
                sendHeldSoFar();
                if (mode != Mode.UNDECIDED) {
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

        /** Drops the first {@code length} bytes, keeping the rest. */
        void dropFirst(int length) {
            System.arraycopy(buf, length, buf, 0, count - length);
            count -= length;
        }
    }
}
