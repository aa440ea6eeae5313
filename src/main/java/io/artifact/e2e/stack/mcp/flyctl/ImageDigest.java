package io.artifact.e2e.stack.mcp.flyctl;

import io.artifact.e2e.stack.fly.Ids;
import io.artifact.e2e.stack.fly.ImageRef;

/** The digest the embedded registry gives an image: the one the Machines API shows in {@code image_ref} (stack.fly.api.FlyJson). */
public final class ImageDigest {

  private ImageDigest() {}

  public static String of(ImageRef ref) {
    return "sha256:" + Ids.digest(ref.raw()) + Ids.digest(ref.raw() + "#");
  }
}
