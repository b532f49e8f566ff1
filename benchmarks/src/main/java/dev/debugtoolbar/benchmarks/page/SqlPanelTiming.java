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
 * {@code performance.now()}. The panel's HTML request is timed apart (Resource Timing), so the figure splits
 * into server-and-network and the browser's own work. Each run loads the page afresh (a new record) and opens
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
     * Clicks the SQL entry and resolves with [click to shown, panel request's start to its last byte, rows
     * shown], once the panel's content is loaded and a frame has been drawn with it.
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
                  const fetches = performance.getEntriesByType('resource').filter(e => e.name.includes('/panels/sql'));
                  const fetch = fetches.length ? fetches[0].responseEnd - fetches[0].startTime : -1;
                  done([shown, fetch, content.querySelectorAll('[data-tb-item]').length]);
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
            List<Double> shown = new ArrayList<>();
            List<Double> fetched = new ArrayList<>();
            System.out.printf("%-8s %10s %14s %6s%n", "run", "shown ms", "panel HTML ms", "rows");
            for (int run = 1; run <= WARM_UP_RUNS + runs; run++) {
                browser.get(url);
                if (!Boolean.TRUE.equals(((JavascriptExecutor) browser).executeAsyncScript(OPEN_TOOLBAR))) {
                    throw new IllegalStateException("The toolbar did not open on " + url);
                }
                List<?> timing = (List<?>) ((JavascriptExecutor) browser).executeAsyncScript(OPEN_SQL_PANEL);
                if (timing == null) {
                    throw new IllegalStateException("The SQL panel did not load on " + url);
                }
                double shownMillis = ((Number) timing.get(0)).doubleValue();
                double fetchMillis = ((Number) timing.get(1)).doubleValue();
                boolean warmUp = run <= WARM_UP_RUNS;
                System.out.printf("%-8s %10.1f %14.1f %6d%n", warmUp ? "warm-up" : Integer.toString(run - WARM_UP_RUNS),
                        shownMillis, fetchMillis, ((Number) timing.get(2)).intValue());
                if (!warmUp) {
                    shown.add(shownMillis);
                    fetched.add(fetchMillis);
                }
            }
            System.out.printf("median   %10.1f %14.1f%nmax      %10.1f %14.1f%n", median(shown), median(fetched),
                    shown.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                    fetched.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
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

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
