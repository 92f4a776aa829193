package io.streamsight.processors.vision;

import io.streamsight.events.ModelProvenance;
import io.streamsight.processors.caption.Captioner;
import io.streamsight.processors.caption.OnnxCaptioner;
import io.streamsight.processors.caption.SceneDescriber;
import java.util.List;

/**
 * The caption step: the template {@link SceneDescriber} (the default, which writes from the
 * detections, faces and text of the same image, so it runs last), or an {@link OnnxCaptioner} when
 * {@code caption.model.dir} points at an exported encoder-decoder.
 */
public abstract sealed class CaptionStep implements ImageStep {

  /** The scene describer. */
  public static CaptionStep describer() {
    return new Describer(new SceneDescriber());
  }

  /** A captioning model. */
  public static CaptionStep model(OnnxCaptioner captioner) {
    return new Model(captioner);
  }

  @Override
  public VisionStep kind() {
    return VisionStep.CAPTION;
  }

  private static final class Describer extends CaptionStep {
    private final SceneDescriber describer;

    Describer(SceneDescriber describer) {
      this.describer = describer;
    }

    @Override
    public Runner open() {
      return new Runner() {
        @Override
        public void run(List<ImageWork> images) {
          for (ImageWork work : images) {
            long start = System.nanoTime();
            work.setCaption(
                describer.describe(
                    work.width(), work.height(), work.detections(), work.faces(), work.fullText()));
            work.addModel(
                ModelProvenance.newBuilder()
                    .setName(SceneDescriber.STEP_NAME)
                    .setVersion(SceneDescriber.STEP_VERSION)
                    .setSha256(null)
                    .setDevice("cpu")
                    .setInferenceMs((System.nanoTime() - start) / 1e6)
                    .build());
          }
        }

        @Override
        public void close() {}
      };
    }
  }

  private static final class Model extends CaptionStep {
    private final OnnxCaptioner captioner;

    Model(OnnxCaptioner captioner) {
      this.captioner = captioner;
    }

    @Override
    public Runner open() {
      Captioner session = captioner.newCaptioner();
      return new Runner() {
        @Override
        public void run(List<ImageWork> images) {
          long start = System.nanoTime();
          List<String> captions = session.caption(images.stream().map(ImageWork::image).toList());
          double share = (System.nanoTime() - start) / 1e6 / images.size();
          for (int i = 0; i < images.size(); i++) {
            images.get(i).setCaption(captions.get(i));
            images.get(i).addModel(captioner.provenance().toAvro(session.device(), share));
          }
        }

        @Override
        public void close() {
          session.close();
        }
      };
    }
  }
}
