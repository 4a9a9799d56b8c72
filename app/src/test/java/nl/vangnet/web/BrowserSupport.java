package nl.vangnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts Debian's Chromium (never a downloaded browser) headless through Playwright, with the
 * flags that keep it from phoning home on this machine's closed network, and checks pages with
 * axe-core against WCAG 2.2 AA.
 */
public final class BrowserSupport implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("VANGNET_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    public BrowserSupport() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Browser tests need Debian's Chromium at " + CHROMIUM
                    + " (apt-get install chromium); .ci/run installs it.");
        }
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--disable-dev-shm-usage")));
    }

    public Browser browser() {
        return browser;
    }

    /** Asserts axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on the page as it is now. */
    public static void assertAccessible(Page page) {
        // Wait until the stylesheet has loaded: on a busy machine a check right after a click can
        // otherwise see the unstyled page (and report, e.g., too small touch targets).
        page.waitForLoadState(LoadState.LOAD);
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze();
        List<Rule> violations = results.getViolations();
        assertThat(violations)
                .as(() -> page.url() + " has accessibility violations: "
                        + violations.stream()
                                .map(v -> v.getId() + " (" + v.getHelp() + ") at "
                                        + v.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("; ")))
                .isEmpty();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
