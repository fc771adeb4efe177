package dev.tipflood.scenarios.corpus.encode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** JPEG and PNG encoding through {@code javax.imageio}, into memory. */
public final class ImageEncoders {
    private ImageEncoders() {
    }

    /** Baseline JPEG at {@code quality} in (0, 1]. */
    public static byte[] jpeg(BufferedImage image, float quality) {
        try (JpegWriter writer = new JpegWriter()) {
            return writer.encode(image, quality);
        }
    }

    /**
     * A reusable JPEG writer for the frames of one clip: creating a writer per frame costs as
     * much as encoding a small frame.
     */
    public static final class JpegWriter implements AutoCloseable {
        private final ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();

        public byte[] encode(BufferedImage image, float quality) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), param);
            } catch (IOException e) {
                throw new UncheckedIOException("JPEG encoding into memory failed", e);
            }
            return bytes.toByteArray();
        }

        @Override
        public void close() {
            writer.dispose();
        }
    }

    /** Lossless PNG. */
    public static byte[] png(BufferedImage image) {
        return encode("png", image, param -> { });
    }

    /**
     * Encodes in memory. {@code ImageIO.write} to a stream would buffer through a temporary
     * file (its disk cache is on by default); the memory-cached stream avoids that.
     */
    private static byte[] encode(String format, BufferedImage image, Consumer<ImageWriteParam> configure) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            configure.accept(param);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(format + " encoding into memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
