package io.streamsight.processors.vision;

import static java.util.Objects.requireNonNull;

import io.streamsight.events.EnrichedImage;
import io.streamsight.events.ImageEvent;

/**
 * What the model path makes of one image: the enriched record, and the copy with faces blurred when
 * the source's privacy switch is on.
 *
 * @param enriched for {@code images.enriched}
 * @param redacted for {@code images.redacted}, or null
 */
public record ImageOutputs(EnrichedImage enriched, ImageEvent redacted) {

  public ImageOutputs {
    requireNonNull(enriched, "enriched");
  }
}
