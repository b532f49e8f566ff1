package dev.debugtoolbar.benchmarks.page;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * How long the SQL panel of a page with 1,000 statements takes to show in Debian's headless Chromium: from the
 * click on its nav entry to its content in the page and the next frame drawn, measured inside the page with
 * {@code performance.now()}. The panel's HTML request is timed apart (Resource Timing): the time to its last
 * byte, of which the server's wait before the first byte, and what the browser did after it (inserting,
 * highlighting, layout and drawing). Each run loads the page afresh (a new record) and opens
 * the toolbar first; the first {@value #WARM_UP_RUNS} runs warm up the server and the browser.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.debugtoolbar.benchmarks.page.SqlPanelTiming [runs]};
 * needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's {@code chromium} and
 * {@code chromium-driver}).
 */
public final class SqlPanelTiming {

    static final int STATEMENTS = 1_000;
    private static final int WARM_UP_RUNS = 3;
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    /** Opens the toolbar (if the page did not) and resolves once its nav is in. */
    private static final String OPEN_TOOLBAR = """
            const done = arguments[arguments.length - 1];
            const started = performance.now();
            (function wait() {
              const host = document.querySelector('.tb-host');
              const root = host && host.shadowRoot;
              const app = root && root.querySelector('.tb-app');
              if (app && app.getAttribute('data-tb-open') !== 'true') {
                root.querySelector('.tb-handle').click();
              }
              if (host && host.getAttribute('data-tb-ready') === 'true' && root.querySelector('.tb-bar [data-tb-panel=sql]')) {
                done(true);
              } else if (performance.now() - started > 20000) {
                done(false);
              } else {
                setTimeout(wait, 10);
              }
            })();
            """;

    /**
     * Clicks the SQL entry and resolves, once the panel's content is loaded and a frame has been drawn with it,
     * with [click to shown, click to the panel HTML's last byte, the server's wait for its first byte, rows].
     */
    private static final String OPEN_SQL_PANEL = """
            const done = arguments[arguments.length - 1];
            const root = document.querySelector('.tb-host').shadowRoot;
            performance.clearResourceTimings();
            const clicked = performance.now();
            root.querySelector('.tb-bar [data-tb-panel=sql]').click();
            (function wait() {
              const content = root.querySelector('[data-tb-panel-content=sql]');
              if (content && content.getAttribute('data-tb-loaded') === 'true') {
                requestAnimationFrame(() => setTimeout(() => {
                  const shown = performance.now() - clicked;
                  const html = performance.getEntriesByType('resource').find(e => e.name.includes('/panels/sql'));
                  done([shown, html ? html.responseEnd - clicked : -1, html ? html.responseStart - html.requestStart : -1,
                        content.querySelectorAll('[data-tb-item]').length]);
                }, 0));
              } else if (performance.now() - clicked > 20000) {
                done(null);
              } else {
                requestAnimationFrame(wait);
              }
            })();
            """;

    private SqlPanelTiming() {
    }

    /** Prints each run and the median and maximum. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            System.err.println("Needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
            System.exit(2);
        }
        Path profile = Files.createTempDirectory("tb-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver browser = null;
        try (PageServer pages = PageServer.start(0)) {
            browser = new ChromeDriver(service, options(profile));
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            String url = pages.uri(PageMode.SHOWN) + "?statements=" + STATEMENTS;
            List<double[]> measured = new ArrayList<>();
            System.out.printf("%-8s %9s %12s %14s %12s %5s%n", "run", "shown ms", "HTML in ms", "first byte ms",
                    "browser ms", "rows");
            for (int run = 1; run <= WARM_UP_RUNS + runs; run++) {
                browser.get(url);
                if (!Boolean.TRUE.equals(((JavascriptExecutor) browser).executeAsyncScript(OPEN_TOOLBAR))) {
                    throw new IllegalStateException("The toolbar did not open on " + url);
                }
                List<?> timing = (List<?>) ((JavascriptExecutor) browser).executeAsyncScript(OPEN_SQL_PANEL);
                if (timing == null) {
                    throw new IllegalStateException("The SQL panel did not load on " + url);
                }
                double shown = ((Number) timing.get(0)).doubleValue();
                double loaded = ((Number) timing.get(1)).doubleValue();
                double[] figures = {shown, loaded, ((Number) timing.get(2)).doubleValue(), shown - loaded};
                boolean warmUp = run <= WARM_UP_RUNS;
                System.out.printf("%-8s %9.1f %12.1f %14.1f %12.1f %5d%n",
                        warmUp ? "warm-up" : Integer.toString(run - WARM_UP_RUNS),
                        figures[0], figures[1], figures[2], figures[3], ((Number) timing.get(3)).intValue());
                if (!warmUp) {
                    measured.add(figures);
                }
            }
            System.out.printf("%-8s %9.1f %12.1f %14.1f %12.1f%n", "median", median(measured, 0), median(measured, 1),
                    median(measured, 2), median(measured, 3));
            System.out.printf("%-8s %9.1f %12.1f %14.1f %12.1f%n", "max", max(measured, 0), max(measured, 1),
                    max(measured, 2), max(measured, 3));
        } finally {
            if (browser != null) {
                browser.quit();
            }
            service.stop();
            deleteTree(profile);
        }
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        return options;
    }

    private static double median(List<double[]> runs, int column) {
        double[] sorted = runs.stream().mapToDouble(figures -> figures[column]).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double max(List<double[]> runs, int column) {
        return runs.stream().mapToDouble(figures -> figures[column]).max().orElseThrow();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
