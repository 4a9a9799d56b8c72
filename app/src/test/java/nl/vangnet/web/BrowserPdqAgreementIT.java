package nl.vangnet.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.pdq.Pdq;
import nl.vangnet.pdq.PdqHash;
import nl.vangnet.pdq.PdqResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The in-browser hasher (static/js/pdq.js) against the Java library on the reference images, in
 * Debian's Chromium: the same pixels must give the same hash, and the browser's own decoding must
 * stay within 8 bits for every image of quality 80 or more.
 */
@VangnetIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserPdqAgreementIT {

    private static final String HASH_FILE = """
            async ({ b64, type }) => {
              const pdq = await import('/js/pdq.js');
              const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
              return await pdq.hashFile(new File([bytes], 'image', { type }));
            }""";

    private static final String HASH_PIXELS = """
            async ({ b64, width, height }) => {
              const pdq = await import('/js/pdq.js');
              const rgba = Uint8ClampedArray.from(atob(b64), (c) => c.charCodeAt(0));
              return pdq.pdqFromRgba(rgba, width, height);
            }""";

    @LocalServerPort
    int port;

    BrowserSupport support;
    BrowserContext context;
    Page page;

    @BeforeAll
    void start() {
        support = new BrowserSupport();
        context = support.browser().newContext();
        page = context.newPage();
        page.navigate("http://localhost:" + port + "/privacy");
    }

    @AfterAll
    void stop() {
        context.close();
        support.close();
    }

    @Test
    void samePixelsGiveTheSameHashInJavaAndInTheBrowser() throws Exception {
        List<String> differences = new ArrayList<>();
        List<Path> images = PdqVectors.images();
        // Every third image: shipping raw pixels into the page is slow, and the port is exact or not.
        for (int n = 0; n < images.size(); n += 3) {
            Path image = images.get(n);
            BufferedImage decoded = ImageIO.read(image.toFile());
            int w = decoded.getWidth();
            int h = decoded.getHeight();
            byte[] rgba = new byte[w * h * 4];
            for (int y = 0, p = 0; y < h; y++) {
                for (int x = 0; x < w; x++, p += 4) {
                    int argb = decoded.getRGB(x, y);
                    rgba[p] = (byte) (argb >> 16);
                    rgba[p + 1] = (byte) (argb >> 8);
                    rgba[p + 2] = (byte) argb;
                    rgba[p + 3] = (byte) 255;
                }
            }
            // The RGB route through BufferedImage.getRGB, so Java and JavaScript see identical bytes.
            BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(decoded, 0, 0, null);
            PdqResult java = Pdq.hasher().hash(rgb);
            @SuppressWarnings("unchecked")
            Map<String, Object> js = (Map<String, Object>) page.evaluate(
                    HASH_PIXELS, Map.of("b64", Base64.getEncoder().encodeToString(rgba), "width", w, "height", h));
            int distance = java.hash().hammingDistance(PdqHash.fromHex((String) js.get("hash")));
            if (distance != 0 || java.quality() != ((Number) js.get("quality")).intValue()) {
                differences.add(image.getFileName() + ": distance " + distance + ", quality " + java.quality() + " vs "
                        + js.get("quality"));
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void browserDecodingStaysWithinEightBitsOfTheJavaLibrary() throws Exception {
        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path image : PdqVectors.images()) {
            PdqResult java = Pdq.hasher().hash(image);
            String type = image.toString().endsWith(".png") ? "image/png" : "image/jpeg";
            @SuppressWarnings("unchecked")
            Map<String, Object> js = (Map<String, Object>) page.evaluate(
                    HASH_FILE,
                    Map.of("b64", Base64.getEncoder().encodeToString(Files.readAllBytes(image)), "type", type));
            int distance = java.hash().hammingDistance(PdqHash.fromHex((String) js.get("pdq")));
            assertThat((String) js.get("sha256")).hasSize(64);
            report.add(image.getFileName() + " q=" + java.quality() + " d=" + distance);
            if (java.quality() >= 80 && distance > 8) {
                failures.add(image.getFileName() + ": distance " + distance);
            }
        }
        System.out.println("Browser vs Java PDQ: " + String.join("; ", report));
        assertThat(failures).isEmpty();
    }
}
