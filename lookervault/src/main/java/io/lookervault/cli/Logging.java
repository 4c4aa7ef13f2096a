package io.lookervault.cli;

/**
 * Sets slf4j-simple up before the first logger exists: stderr, info by default, debug with -v, errors
 * only with -q. (slf4j-simple reads these once, so the first command of a JVM decides.)
 */
final class Logging {
    private Logging() {}

    static void configure(GlobalOptions global) {
        String level = global.verbose() ? "debug" : global.quiet() ? "error" : "info";
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showLogName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", global.verbose() ? "true" : "false");
        setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
