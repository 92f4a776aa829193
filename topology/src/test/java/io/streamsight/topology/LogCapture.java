package io.streamsight.topology;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the whole JVM while open, with Streamsight's own loggers at DEBUG, for tests
 * that check what is never logged (health data).
 */
final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger ours = (Logger) LoggerFactory.getLogger("io.streamsight");
  private final Level before = ours.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogCapture() {
    appender.start();
    root.addAppender(appender);
    ours.setLevel(Level.DEBUG);
  }

  /** Each event's message with its exception chain's classes and messages, so far. */
  List<String> lines() {
    synchronized (appender) { // AppenderBase appends under this lock
      return appender.list.stream()
          .map(e -> e.getFormattedMessage() + causes(e.getThrowableProxy()))
          .toList();
    }
  }

  private static String causes(IThrowableProxy t) {
    StringBuilder s = new StringBuilder();
    for (IThrowableProxy p = t; p != null; p = p.getCause()) {
      s.append(" | ").append(p.getClassName()).append(": ").append(p.getMessage());
    }
    return s.toString();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    ours.setLevel(before);
  }
}
