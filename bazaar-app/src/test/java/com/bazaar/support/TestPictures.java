package com.bazaar.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Real, tiny pictures for upload tests: one colour makes one content hash. */
public final class TestPictures {
  private TestPictures() {}

  public static byte[] png(Color colour) {
    BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, colour.getRGB());
    var out = new ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
