package dev.huddle.migration.connect;

import java.util.regex.Pattern;

/** Removes passwords from text that may reach a log, an error or the console. */
public final class Secrets {
    public static final String MASK = "***";

    private static final Pattern PARAM_PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;\\s]*");

    private Secrets() {
    }

    /** The URL with any {@code user:password@} password and {@code password=} parameter replaced by {@value #MASK}. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        return PARAM_PASSWORD.matcher(maskUserInfo(url)).replaceAll("$1" + MASK);
    }

    /**
     * Masks from the first ':' after the user name to the last '@': a password may hold spaces, '/' or '@', and
     * masking too much is harmless where masking too little is not. Works with or without a scheme.
     */
    private static String maskUserInfo(String url) {
        int at = url.lastIndexOf('@');
        if (at < 0 || url.regionMatches(true, 0, "jdbc:sqlite:", 0, "jdbc:sqlite:".length())) {
            return url;
        }
        int schemeEnd = url.indexOf("://");
        int userStart = schemeEnd >= 0 && schemeEnd < at ? schemeEnd + 3 : 0;
        int colon = url.indexOf(':', userStart);
        if (colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, colon + 1) + MASK + url.substring(at);
    }

    /** The text with URLs masked and every literal occurrence of the password replaced. */
    public static String mask(String text, String password) {
        return text == null ? null : maskPassword(maskUrl(text), password);
    }

    /** The text with every literal occurrence of the password replaced; for messages whose URLs are already masked. */
    public static String maskPassword(String text, String password) {
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, MASK);
    }

    /** A driver's message fit to quote mid-sentence: masked, without its own final period. */
    public static String quote(String driverMessage, String password) {
        String masked = mask(driverMessage == null ? "unknown error" : driverMessage.strip(), password);
        return masked.endsWith(".") ? masked.substring(0, masked.length() - 1) : masked;
    }
}
