package dev.tipflood.server.defence.triage;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Real media files, good and bad, built in memory for the triage tests. */
public final class MediaFiles {
  private MediaFiles() {}

  /** A real picture: a gradient with a shape, so PDQ has something to see. */
  public static BufferedImage picture(int width, int height, int seed) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    for (int y = 0; y < height; y++) {
      g.setColor(new Color((y * 255 / height + seed * 40) % 256, (seed * 70) % 256, 255 - y * 255 / height));
      g.drawLine(0, y, width, y);
    }
    g.setColor(Color.WHITE);
    g.fillOval(width / 4 + seed % 7 * 3, height / 4, width / 3, height / 2);
    g.dispose();
    return img;
  }

  /** A distinct scene per seed: random blocks and discs, so PDQ tells scenes apart. */
  public static BufferedImage scene(int width, int height, long seed) {
    java.util.Random r = new java.util.Random(seed);
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 12; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      int x = r.nextInt(width);
      int y = r.nextInt(height);
      int w = width / 8 + r.nextInt(width / 3);
      int h = height / 8 + r.nextInt(height / 3);
      if (r.nextBoolean()) {
        g.fillRect(x - w / 2, y - h / 2, w, h);
      } else {
        g.fillOval(x - w / 2, y - h / 2, w, h);
      }
    }
    g.dispose();
    return img;
  }

  /** {@code img} scaled to {@code width x height}: a re-encoded, resized variant. */
  public static BufferedImage resized(BufferedImage img, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = out.createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(img, 0, 0, width, height, null);
    g.dispose();
    return out;
  }

  public static byte[] encode(BufferedImage img, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] jpeg(int seed) {
    return encode(picture(160, 120, seed), "jpg");
  }

  public static byte[] png(int seed) {
    return encode(picture(160, 120, seed), "png");
  }

  public static byte[] gif(int seed) {
    return encode(picture(64, 48, seed), "gif");
  }

  /** A PNG whose IHDR declares {@code width x height}, with a token IDAT: a decompression bomb's header. */
  public static byte[] pngDeclaring(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
        .put((byte) 0).put((byte) 0).put((byte) 0).array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** A GIF of {@code frames} 1x1 frames: tiny on the wire, a bomb for anything that decodes every frame. */
  public static byte[] gifFrames(int frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(new byte[] {1, 0, 1, 0, (byte) 0x80, 0, 0}); // 1x1 screen, 2-colour global table
    out.writeBytes(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
    for (int i = 0; i < frames; i++) {
      out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 0, 1, 0, 0, 0}); // graphic control, 10 ms
      out.writeBytes(new byte[] {0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0}); // image descriptor 1x1
      out.writeBytes(new byte[] {2, 2, 0x44, 0x01, 0}); // LZW min 2, one sub-block, end
    }
    out.write(0x3B);
    return out.toByteArray();
  }

  /** A JPEG with a ZIP archive appended: opens as a photo and unzips as an archive. */
  public static byte[] jpegZipPolyglot(int seed) {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("payload.txt"));
      z.write("not a photo".getBytes(StandardCharsets.US_ASCII));
      z.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] jpeg = jpeg(seed);
    byte[] out = Arrays.copyOf(jpeg, jpeg.length + zip.size());
    System.arraycopy(zip.toByteArray(), 0, out, jpeg.length, zip.size());
    return out;
  }

  /** A Motion-JPEG AVI of the given frames, with a main header declaring {@code declaredFrames} of w x h. */
  public static byte[] avi(byte[][] frames, long declaredFrames, int width, int height, long riffSizeOverride) {
    ByteArrayOutputStream movi = new ByteArrayOutputStream();
    for (byte[] f : frames) {
      movi.writeBytes(le("00dc", f.length));
      movi.writeBytes(f);
      if ((f.length & 1) == 1) {
        movi.write(0);
      }
    }
    ByteBuffer avih = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
    avih.putInt(40_000).putInt(0).putInt(0).putInt(0x10).putInt((int) declaredFrames).putInt(0).putInt(1).putInt(0)
        .putInt(width).putInt(height);
    ByteArrayOutputStream hdrl = new ByteArrayOutputStream();
    hdrl.writeBytes("hdrl".getBytes(StandardCharsets.US_ASCII));
    hdrl.writeBytes(le("avih", 56));
    hdrl.writeBytes(avih.array());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("AVI ".getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(le("LIST", hdrl.size()));
    body.writeBytes(hdrl.toByteArray());
    body.writeBytes(le("LIST", 4 + movi.size()));
    body.writeBytes("movi".getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(movi.toByteArray());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(le("RIFF", riffSizeOverride >= 0 ? riffSizeOverride : body.size()));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  public static byte[] avi(int seed) {
    return avi(new byte[][] {jpeg(seed), jpeg(seed + 1)}, 2, 160, 120, -1);
  }

  private static byte[] le(String fourcc, long size) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put(fourcc.getBytes(StandardCharsets.US_ASCII))
        .putInt((int) size).array();
  }

  /** An MP4 whose media box declares a 64-bit size of 2^60 bytes. */
  public static byte[] mp4AbsurdBox() {
    ByteBuffer b = ByteBuffer.allocate(24 + 16 + 64);
    b.putInt(24).put("ftyp".getBytes(StandardCharsets.US_ASCII)).put("isom".getBytes(StandardCharsets.US_ASCII))
        .putInt(512).put("isomiso2".getBytes(StandardCharsets.US_ASCII));
    b.putInt(1).put("mdat".getBytes(StandardCharsets.US_ASCII)).putLong(1L << 60);
    return b.array();
  }
}
