package nl.vangnet.takedown;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;
import nl.vangnet.pdq.Pdq;
import nl.vangnet.pdq.PdqHash;

/** Synthetic images with enough structure for a meaningful PDQ hash; made in memory only. */
final class TestImages {

    private TestImages() {}

    static byte[] png(long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 256, 256);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval(
                    random.nextInt(256) - 40,
                    random.nextInt(256) - 40,
                    20 + random.nextInt(120),
                    20 + random.nextInt(120));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static PdqHash hash(byte[] png) {
        try {
            return Pdq.hasher().hash(png).hash();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
