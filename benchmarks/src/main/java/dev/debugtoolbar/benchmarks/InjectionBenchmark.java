package dev.debugtoolbar.benchmarks;

import dev.debugtoolbar.servlet.internal.InjectingResponse;
import dev.debugtoolbar.ui.LoaderSnippet;
import dev.debugtoolbar.ui.ToolbarAssets;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the filter's injection costs per HTML page: the body held back by {@link InjectingResponse} as the
 * application writes it (in {@value #CHUNK}-character writes), then the loader tag put before {@code </body>}
 * and the whole page written to the container. The container's response is a bare stand-in that discards
 * what it is given, so the score is the toolbar's own work.
 *
 * <ul>
 *   <li>{@code size}: a page of about 10 KB or 1 MB of table rows.</li>
 *   <li>{@code output}: {@code writer} ({@code getWriter()}, as template engines write) or {@code stream}
 *       ({@code getOutputStream()}, UTF-8 bytes).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InjectionBenchmark {

    static final int CHUNK = 8192;
    private static final String ROW = "<tr><td>42</td><td>Book number 42</td><td>Author 8</td><td>17.54</td></tr>\n";

    @Param({"10240", "1048576"})
    public int size;

    @Param({"writer", "stream"})
    public String output;

    private String page;
    private byte[] pageBytes;
    private String tag;
    private long written;
    private HttpServletResponse container;

    @Setup(Level.Trial)
    public void setUp() {
        String head = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Rows</title></head>"
                + "<body><table>\n";
        String tail = "</table></body></html>\n";
        StringBuilder html = new StringBuilder(size + ROW.length()).append(head);
        while (html.length() + ROW.length() + tail.length() <= size) {
            html.append(ROW);
        }
        page = html.append(tail).toString();
        pageBytes = page.getBytes(StandardCharsets.UTF_8);
        tag = new LoaderSnippet(new ToolbarAssets()).render("Yx3fQ2kR9sLmN0pA7bC4dE", "//localhost:8080/__toolbar", null, null);
        container = discardingHtmlResponse();
    }

    @Benchmark
    public long holdAndInject() throws IOException {
        InjectingResponse response = new InjectingResponse(container, "Yx3fQ2kR9sLmN0pA7bC4dE",
                5L * 1024 * 1024, () -> false, false, () -> { });
        if (output.equals("writer")) {
            PrintWriter writer = response.getWriter();
            for (int at = 0; at < page.length(); at += CHUNK) {
                writer.write(page, at, Math.min(CHUNK, page.length() - at));
            }
        } else {
            ServletOutputStream stream = response.getOutputStream();
            for (int at = 0; at < pageBytes.length; at += CHUNK) {
                stream.write(pageBytes, at, Math.min(CHUNK, pageBytes.length - at));
            }
        }
        response.finish(tag, () -> { });
        return written;
    }

    /** The container's side: a 200 {@code text/html} UTF-8 response that counts and drops its body. */
    private HttpServletResponse discardingHtmlResponse() {
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                written++;
            }

            @Override
            public void write(byte[] data, int offset, int length) {
                written += length;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        PrintWriter writer = new PrintWriter(new Writer() {
            @Override
            public void write(char[] data, int offset, int length) {
                written += length;
            }

            @Override
            public void write(String text, int offset, int length) {
                written += length;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getStatus" -> 200;
                    case "getContentType" -> "text/html;charset=UTF-8";
                    case "getCharacterEncoding" -> "UTF-8";
                    case "isCommitted" -> false;
                    case "getOutputStream" -> stream;
                    case "getWriter" -> writer;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> method.getReturnType() == boolean.class ? false
                            : method.getReturnType() == int.class ? 0 : null;
                });
    }
}
