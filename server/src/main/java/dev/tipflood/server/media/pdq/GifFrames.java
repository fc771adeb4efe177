package dev.tipflood.server.media.pdq;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Frames of an animated GIF as a viewer shows them: each frame is drawn at its offset over the
 * canvas the previous frames left, honouring the disposal methods, and the sampled ones copied out.
 */
final class GifFrames {
  private static final String FORMAT = "javax_imageio_gif_image_1.0";
  private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";

  private GifFrames() {
  }

  static boolean isGif(byte[] b) {
    return b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9')
        && b[5] == 'a';
  }

  static List<BufferedImage> sample(byte[] gif, String source, int maxFrames, long maxPixels) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
    ImageReader reader = readers.next();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(gif))) {
      reader.setInput(in, false, false);
      int count = reader.getNumImages(true);
      if (count < 1) {
        throw PdqImageException.malformed(source, "GIF without a frame");
      }
      if (count > PdqFrameSampler.MAX_GIF_FRAMES) {
        throw PdqImageException.malformed(source, "GIF has " + count + " frames, more than the limit of "
            + PdqFrameSampler.MAX_GIF_FRAMES);
      }
      int[] wanted = PdqFrameSampler.evenlySpaced(count, maxFrames);
      return composite(reader, source, wanted, maxPixels);
    } catch (IOException e) {
      throw PdqImageException.unreadable(source, e);
    } catch (RuntimeException e) {
      throw PdqImageException.decoderFailed(source, e);
    } finally {
      reader.dispose();
    }
  }

  private static List<BufferedImage> composite(ImageReader reader, String source, int[] wanted, long maxPixels)
      throws IOException {
    int width = screen(reader, "logicalScreenWidth", reader.getWidth(0));
    int height = screen(reader, "logicalScreenHeight", reader.getHeight(0));
    if ((long) width * height > maxPixels) {
      throw PdqImageException.tooLarge(source, width, height, maxPixels);
    }
    BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    List<BufferedImage> out = new ArrayList<>();
    int last = wanted[wanted.length - 1];
    for (int i = 0; i <= last; i++) {
      IIOMetadataNode meta = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(FORMAT);
      IIOMetadataNode descriptor = child(meta, "ImageDescriptor");
      int left = attribute(descriptor, "imageLeftPosition");
      int top = attribute(descriptor, "imageTopPosition");
      String disposal = child(meta, "GraphicControlExtension") == null ? "none"
          : child(meta, "GraphicControlExtension").getAttribute("disposalMethod");
      BufferedImage frame = reader.read(i);
      BufferedImage before = "restoreToPrevious".equals(disposal) ? copy(canvas, BufferedImage.TYPE_INT_ARGB) : null;
      Graphics2D g = canvas.createGraphics();
      try {
        g.drawImage(frame, left, top, null);
      } finally {
        g.dispose();
      }
      if (Arrays.binarySearch(wanted, i) >= 0) {
        out.add(copy(canvas, BufferedImage.TYPE_INT_RGB));
      }
      if ("restoreToBackgroundColor".equals(disposal)) {
        clear(canvas, left, top, frame.getWidth(), frame.getHeight());
      } else if (before != null) {
        canvas = before;
      }
    }
    return out;
  }

  private static int screen(ImageReader reader, String name, int fallback) throws IOException {
    IIOMetadata stream = reader.getStreamMetadata();
    if (stream == null) {
      return fallback;
    }
    IIOMetadataNode d = child((IIOMetadataNode) stream.getAsTree(STREAM_FORMAT), "LogicalScreenDescriptor");
    int v = d == null ? 0 : attribute(d, name);
    return v > 0 ? v : fallback;
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equals(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    return null;
  }

  private static int attribute(IIOMetadataNode node, String name) {
    String v = node == null ? "" : node.getAttribute(name);
    return v.isEmpty() ? 0 : Integer.parseInt(v);
  }

  private static BufferedImage copy(BufferedImage src, int type) {
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(src, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static void clear(BufferedImage canvas, int x, int y, int w, int h) {
    Graphics2D g = canvas.createGraphics();
    try {
      g.setComposite(java.awt.AlphaComposite.Clear);
      g.fillRect(x, y, w, h);
    } finally {
      g.dispose();
    }
  }
}
