package io.streamsight.processors.detection;

import java.util.List;

/**
 * The 80 COCO object classes in the detector's output order, with the names of the COCO 2017
 * annotations ({@code motorcycle}, {@code airplane}, {@code couch}, {@code potted plant}, {@code
 * dining table}, {@code tv}; darknet's older list says motorbike, aeroplane, sofa, pottedplant,
 * diningtable, tvmonitor).
 */
public final class CocoLabels {

  /** Index i is the label of the detector's class i. */
  public static final List<String> NAMES =
      List.of(
          "person",
          "bicycle",
          "car",
          "motorcycle",
          "airplane",
          "bus",
          "train",
          "truck",
          "boat",
          "traffic light",
          "fire hydrant",
          "stop sign",
          "parking meter",
          "bench",
          "bird",
          "cat",
          "dog",
          "horse",
          "sheep",
          "cow",
          "elephant",
          "bear",
          "zebra",
          "giraffe",
          "backpack",
          "umbrella",
          "handbag",
          "tie",
          "suitcase",
          "frisbee",
          "skis",
          "snowboard",
          "sports ball",
          "kite",
          "baseball bat",
          "baseball glove",
          "skateboard",
          "surfboard",
          "tennis racket",
          "bottle",
          "wine glass",
          "cup",
          "fork",
          "knife",
          "spoon",
          "bowl",
          "banana",
          "apple",
          "sandwich",
          "orange",
          "broccoli",
          "carrot",
          "hot dog",
          "pizza",
          "donut",
          "cake",
          "chair",
          "couch",
          "potted plant",
          "bed",
          "dining table",
          "toilet",
          "tv",
          "laptop",
          "mouse",
          "remote",
          "keyboard",
          "cell phone",
          "microwave",
          "oven",
          "toaster",
          "sink",
          "refrigerator",
          "book",
          "clock",
          "vase",
          "scissors",
          "teddy bear",
          "hair drier",
          "toothbrush");

  private CocoLabels() {}

  /** Whether {@code label} is one of the 80 names. */
  public static boolean contains(String label) {
    return NAMES.contains(label);
  }
}
