package dev.adfrest.camel.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log line (all loggers, DEBUG and up, with stack traces) while open. For tests that prove a secret is
 * never logged, and for tests that check a warning was.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Level previousRoot;

    private LogCapture() {
        super("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        LoggerConfig root = config.getRootLogger();
        previousRoot = root.getLevel();
        start();
        root.addAppender(this, Level.ALL, null);
        root.setLevel(Level.DEBUG);
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (logger != root && !logger.isAdditive()) { // additive loggers reach the root's appenders anyway
                logger.addAppender(this, Level.ALL, null);
            }
        }
        ctx.updateLoggers();
    }

    /** Starts capturing; close to stop. */
    public static LogCapture open() {
        return new LogCapture();
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder sb = new StringBuilder()
                .append(event.getLevel()).append(' ')
                .append(event.getLoggerName()).append(' ')
                .append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter sw = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(sw));
            sb.append('\n').append(sw);
        }
        lines.add(sb.toString());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String all() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.removeAppender(getName());
        }
        config.getRootLogger().removeAppender(getName());
        config.getRootLogger().setLevel(previousRoot);
        ctx.updateLoggers();
        stop();
    }
}
