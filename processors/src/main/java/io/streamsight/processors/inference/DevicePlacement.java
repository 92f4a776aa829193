package io.streamsight.processors.inference;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where one processor's model runs: {@code cpu}, {@code gpu:N}, or a comma-separated list of those
 * for replicas ({@code gpu:0,gpu:1}). The model is loaded once per listed device; each processor
 * instance (one per task) takes the next replica round-robin, so the tasks of a processor spread
 * over the devices.
 */
public final class DevicePlacement {

  private static final Pattern GPU = Pattern.compile("gpu:(\\d{1,4})");

  private final String processorName;
  private final List<Device> devices;
  private final AtomicInteger next = new AtomicInteger();

  private DevicePlacement(String processorName, List<Device> devices) {
    this.processorName = processorName;
    this.devices = List.copyOf(devices);
  }

  /** The default placement: one replica on the CPU. */
  public static DevicePlacement cpu(String processorName) {
    return new DevicePlacement(
        requireNonNull(processorName, "processorName"), List.of(Device.cpu()));
  }

  /**
   * Parses a placement such as {@code cpu}, {@code gpu:0} or {@code gpu:0, gpu:1}.
   *
   * @throws IllegalArgumentException naming the processor and the offending value
   */
  public static DevicePlacement parse(String processorName, String value) {
    requireNonNull(processorName, "processorName");
    requireNonNull(value, "value");
    List<Device> devices = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String item = part.strip().toLowerCase(Locale.ROOT);
      Matcher gpu = GPU.matcher(item);
      if (item.equals("cpu")) {
        devices.add(Device.cpu());
      } else if (gpu.matches()) {
        devices.add(Device.gpu(Integer.parseInt(gpu.group(1))));
      } else {
        throw new IllegalArgumentException(
            "processor "
                + processorName
                + ": device '"
                + value
                + "' is not cpu, gpu:N or a comma-separated list of them");
      }
    }
    return new DevicePlacement(processorName, devices);
  }

  public String processorName() {
    return processorName;
  }

  /** The replicas' devices, in configuration order (at least one). */
  public List<Device> devices() {
    return devices;
  }

  /** The device of the next replica, round-robin; thread-safe. */
  int nextIndex() {
    return Math.floorMod(next.getAndIncrement(), devices.size());
  }

  /** The configuration form, e.g. {@code gpu:0,gpu:1}. */
  @Override
  public String toString() {
    return devices.stream().map(DevicePlacement::describe).collect(Collectors.joining(","));
  }

  /** One device in the configuration form: {@code cpu} or {@code gpu:N}. */
  public static String describe(Device device) {
    return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
  }
}
