package io.streamsight.processors.scratch;

import io.streamsight.events.BehaviorEvent;
import io.streamsight.events.Detection;
import io.streamsight.events.ZoneCounts;
import io.streamsight.processors.TestMedia;
import io.streamsight.processors.TestModels;
import io.streamsight.processors.behavior.CameraConfig;
import io.streamsight.processors.behavior.CameraState;
import io.streamsight.processors.behavior.OfflineAnalyzer;
import io.streamsight.processors.detection.DetectionSettings;
import io.streamsight.processors.detection.NanoDet;
import io.streamsight.processors.detection.ObjectDetector;
import io.streamsight.processors.inference.DevicePlacement;
import io.streamsight.processors.inference.ModelRegistry;
import io.streamsight.processors.tracking.Track;
import io.streamsight.processors.video.VideoFrame;
import io.streamsight.processors.video.VideoSettings;
import io.streamsight.processors.video.VideoSource;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ScratchDumpTest {
  @Test
  void dump() throws Exception {
    var models = TestModels.require(NanoDet.MODEL);
    String out = System.getProperty("dump.dir", "/tmp/vtest-dump");
    long max = Long.getLong("dump.frames", 120);
    int every = Integer.getInteger("dump.every", 10);
    Files.createDirectories(Path.of(out));
    String cfg = Files.readString(Path.of(System.getProperty("dump.config", "/tmp/vtest-config.json")));
    try (ModelRegistry reg = TestModels.registry(2)) {
      DetectionSettings ds = new DetectionSettings(0.1f, Map.of(), 0.6f, 100, Set.of(), 0.9f);
      NanoDet nd = NanoDet.load(reg, models, DevicePlacement.cpu("x"), ds);
      try (ObjectDetector det = nd.newDetector();
          VideoSource src = VideoSource.open(VideoSettings.of(TestMedia.require(TestMedia.OPENCV_DATA + "/vtest.avi").toString()).withStart(java.time.Instant.parse("2026-01-01T00:00:00Z")))) {
        CameraConfig config = CameraConfig.parse(cfg);
        var summary = new OfflineAnalyzer("vtest", config, det, null, 10_000, 4).run(src, max, new OfflineAnalyzer.Sink() {
          public void event(BehaviorEvent e) { System.out.println("EVENT " + e.getRuleId() + " " + e.getPhase() + " " + e.getTrackIds() + " " + e.getEvidence().getSequence() + " " + e.getAttributes()); }
          public void counts(ZoneCounts c) { System.out.println("COUNTS " + c); }
          public void frame(VideoFrame f, CameraState s, List<Detection> d) {
            StringBuilder sb = new StringBuilder("FRAME " + f.index() + " ids");
            for (Track t : s.tracker().visible()) sb.append(" ").append(t.id());
            System.out.println(sb);
            if (f.index() % every != 0) return;
            BufferedImage img = new BufferedImage(f.image().getWidth(), f.image().getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.drawImage(f.image(), 0, 0, null);
            g.setStroke(new BasicStroke(2));
            for (Track t : s.tracker().visible()) {
              var b = t.lastBox();
              g.setColor(Color.getHSBColor((t.id() * 0.137f) % 1f, 1f, 1f));
              g.drawRect((int) b.x(), (int) b.y(), (int) b.w(), (int) b.h());
              g.drawString("#" + t.id(), (int) b.x(), (int) b.y() - 3);
            }
            g.setColor(Color.YELLOW);
            for (var l : config.lines()) g.drawLine((int) l.from().x(), (int) l.from().y(), (int) l.to().x(), (int) l.to().y());
            g.setColor(Color.CYAN);
            for (var z : config.zones()) { var p = z.polygon(); for (int i = 0; i < p.size(); i++) { var a = p.get(i); var bb = p.get((i + 1) % p.size()); g.drawLine((int) a.x(), (int) a.y(), (int) bb.x(), (int) bb.y()); } }
            g.drawString("frame " + f.index(), 10, 20);
            g.dispose();
            try { ImageIO.write(img, "png", new File(out, String.format("f%04d.png", f.index()))); } catch (Exception e) { throw new RuntimeException(e); }
          }
        });
        System.out.println("SUMMARY frames=" + summary.frames() + " tracks=" + summary.tracks() + " lines=" + summary.lineCounts().entrySet().stream().map(e -> e.getKey() + "=" + java.util.Arrays.toString(e.getValue())).toList() + " events=" + summary.events() + " detectMs=" + summary.detectMillis() + " analyseMs=" + summary.analyseMillis());
      }
    }
  }
}
