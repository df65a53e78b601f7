package dev.huddle.migration.connect;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that may reach a log, an error or the console. URLs are masked by component (the
 * user-info password and every secret query parameter), never by searching for the secret's text, so a password that
 * happens to be "postgres" cannot turn {@code jdbc:postgresql://} into {@code jdbc:***ql://}.
 *
 * <p>Secret parameters: {@code password} and {@code sslpassword} (pgjdbc's two secrets), {@code sslfactoryarg} (an
 * argument for a custom SSL factory, which may be key material), and, for any driver, a name containing
 * {@code password}, {@code passwd}, {@code pwd}, {@code passphrase}, {@code secret} or {@code token}. pgjdbc's
 * {@code sslkey} and {@code sslpasswordcallback} name a file and a class, not secrets, and stay visible.
 *
 * <p>Longer than most files on purpose: URL parsing, the unparseable-URL fallback and free-text masking are one policy,
 * and a reader checking that no secret can leak should find all of it in one place.
 */
public final class Secrets {
    public static final String MASK = "***";

    private static final List<String> SECRET_NAME_PARTS = List.of("password", "passwd", "pwd", "passphrase", "secret", "token");
    private static final List<String> SECRET_NAMES = List.of("sslfactoryarg");
    private static final List<String> NOT_SECRET_NAMES = List.of("sslpasswordcallback");
    /** A URL inside free text: a scheme with an authority, or SQLite's scheme, up to white space or a quote. */
    private static final Pattern URL_IN_TEXT =
            Pattern.compile("(?i)(?<![\\w.+-])(?:jdbc:)?(?:[a-z][a-z0-9+.-]*://|sqlite:)[^\\s'\"<>`]*");

    private Secrets() {
    }

    /** Whether a URL or connection parameter of this name holds a secret; names are compared ignoring case. */
    public static boolean isSecretParameter(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (NOT_SECRET_NAMES.contains(lower)) {
            return false;
        }
        if (SECRET_NAMES.contains(lower)) {
            return true;
        }
        // A loop, not a stream: the runner formats its URL at every start and a lambda's bootstrap would cost more.
        for (String part : SECRET_NAME_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One URL with its user-info password and every secret parameter's value replaced by {@value #MASK}. A URL Java
     * parses cleanly is masked component by component. One it cannot (an unencoded '@', '#', '/', '?' or space in the
     * password) loses everything from the first ':' after the user name to the last '@', and every secret parameter
     * after the first '?', since masking too much is harmless where masking too little is not. Works with or without
     * a scheme.
     */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        if (url.regionMatches(true, 0, "jdbc:sqlite:", 0, "jdbc:sqlite:".length())) {
            // A file path may hold '@' or ':' legitimately; only the query carries parameters.
            int query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query) + maskParameters(url.substring(query), "&");
        }
        int schemeEnd = url.indexOf("://");
        int authorityStart = schemeEnd >= 0 ? schemeEnd + 3 : 0;
        String rawUserInfo = wellFormedUserInfo(url, schemeEnd);
        if (rawUserInfo == null) {
            // Where the password ends is unknown: a '?' may be in it or start the query, an '@' may be in it or in the
            // query. Mask the parameters from the first possible query start, then the password up to the last '@'.
            return maskMalformedUserInfo(maskParameters(url, authorityStart), authorityStart);
        }
        String userInfo = maskUserInfo(rawUserInfo);
        String masked = url.substring(0, authorityStart) + userInfo + url.substring(authorityStart + rawUserInfo.length());
        return maskParameters(masked, authorityStart + userInfo.length());
    }

    /** The URL with the values of secret parameters masked, parameters starting at the first '?' from {@code from}. */
    private static String maskParameters(String url, int from) {
        // pgjdbc separates parameters with '&' only, so a ';' may belong to a value; other drivers also use ';'.
        boolean postgres = isPostgresUrl(url);
        int parameters = indexOfAny(url, postgres ? "?" : "?;", from);
        return parameters < 0 ? url : url.substring(0, parameters) + maskParameters(url.substring(parameters), postgres ? "&" : "&;");
    }

    /** The text with every URL in it masked ({@link #maskUrl}) and every whole occurrence of the password masked. */
    public static String mask(String text, String password) {
        return mask(text, password == null ? List.of() : List.of(password));
    }

    /**
     * The text with every URL in it masked ({@link #maskUrl}), then every whole occurrence of each secret outside those
     * URLs masked too, for messages that might echo a secret. "Whole" means not part of a longer word and not a
     * {@code host:port}: a secret equal to a common word is masked where it stands alone, never inside another word, a
     * URL, or a server's address. (A user name equal to the password is masked as well: the two cannot be told apart.)
     */
    public static String mask(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        StringBuilder urlsMasked = new StringBuilder(text.length());
        List<int[]> urls = new ArrayList<>();
        Matcher matcher = URL_IN_TEXT.matcher(text);
        int copied = 0;
        while (matcher.find()) {
            urlsMasked.append(text, copied, matcher.start());
            int start = urlsMasked.length();
            urlsMasked.append(maskUrl(matcher.group()));
            urls.add(new int[] {start, urlsMasked.length()});
            copied = matcher.end();
        }
        urlsMasked.append(text, copied, text.length());
        String masked = urlsMasked.toString();
        List<int[]> occurrences = new ArrayList<>();
        for (String secret : secrets) {
            for (String form : forms(secret)) {
                for (int at = masked.indexOf(form); at >= 0; at = masked.indexOf(form, at + 1)) {
                    int end = at + form.length();
                    if (!touchesWord(masked, at, end) && !isHostBeforePort(masked, end) && !overlapsAny(urls, at, end)) {
                        occurrences.add(new int[] {at, end});
                    }
                }
            }
        }
        return occurrences.isEmpty() ? masked : replaceSpans(masked, occurrences);
    }

    /** As {@link #mask(String, String)}; for messages whose URLs are masked already. */
    public static String maskPassword(String text, String password) {
        return mask(text, password);
    }

    /** A driver's message fit to quote mid-sentence: masked ({@link #mask(String, Collection)}), without its final period. */
    public static String maskedDriverMessage(String driverMessage, Collection<String> secrets) {
        String masked = mask(driverMessage == null ? "unknown error" : driverMessage.strip(), secrets);
        return masked.endsWith(".") ? masked.substring(0, masked.length() - 1) : masked;
    }


    /**
     * The raw user info ("" for none) of a URL Java parses cleanly, or null when masking by component is not safe: the
     * URL does not parse, names no host, or has an '@' or '#' outside its user info (so a password with an unencoded
     * '@', '/', '?' or '#' may have been read as host, path, query or fragment).
     */
    private static String wellFormedUserInfo(String url, int schemeEnd) {
        if (schemeEnd < 0) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.regionMatches(true, 0, "jdbc:", 0, 5) ? url.substring(5) : url);
        } catch (URISyntaxException e) {
            return null;
        }
        if (uri.getHost() == null || uri.getRawFragment() != null) {
            return null;
        }
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo();
        int ats = 0;
        for (int i = url.indexOf('@'); i >= 0; i = url.indexOf('@', i + 1)) {
            ats++;
        }
        boolean onlyUserInfoAt = ats == (uri.getRawUserInfo() == null ? 0 : 1);
        return onlyUserInfoAt && url.startsWith(userInfo, schemeEnd + 3) ? userInfo : null;
    }

    /** {@code user:password} as {@code user:***}; a user name alone stays. */
    private static String maskUserInfo(String userInfo) {
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(0, colon + 1) + MASK;
    }

    /**
     * For a URL Java cannot parse: everything from the first ':' after the user name to the last '@' is masked. With
     * no '@' at all, a ':' followed by anything but a port number is taken for a password and the rest is masked.
     */
    private static String maskMalformedUserInfo(String url, int authorityStart) {
        int at = url.lastIndexOf('@');
        int colon = url.indexOf(':', authorityStart);
        if (colon < 0 || (at >= 0 && colon > at)) {
            return url;
        }
        if (at >= 0) {
            return url.substring(0, colon + 1) + MASK + url.substring(at);
        }
        int portEnd = colon + 1;
        while (portEnd < url.length() && Character.isDigit(url.charAt(portEnd))) {
            portEnd++;
        }
        boolean port = portEnd == url.length() || "/?,".indexOf(url.charAt(portEnd)) >= 0;
        return port ? url : url.substring(0, colon + 1) + MASK;
    }

    /** {@code ?a=1&password=x&b=2} with each secret parameter's value masked, up to the next separator or the end. */
    private static String maskParameters(String query, String separators) {
        StringBuilder out = new StringBuilder(query.length());
        int start = 0;
        while (start < query.length()) {
            int end = indexOfAny(query, separators, start + 1);
            end = end < 0 ? query.length() : end;
            String parameter = query.substring(start, end);
            int equals = parameter.indexOf('=');
            // parameter starts with its separator ('?', '&' or ';')
            if (equals > 1 && isSecretParameter(parameter.substring(1, equals))) {
                out.append(parameter, 0, equals + 1).append(MASK);
            } else {
                out.append(parameter);
            }
            start = end;
        }
        return out.toString();
    }

    private static boolean isPostgresUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:postgresql:") || lower.startsWith("postgresql:") || lower.startsWith("postgres:");
    }

    private static int indexOfAny(String text, String characters, int from) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The secret as written, and percent-encoded as it would appear in a URL. */
    private static List<String> forms(String secret) {
        if (secret == null || secret.isEmpty()) {
            return List.of();
        }
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20");
        return encoded.equals(secret) ? List.of(secret) : Arrays.asList(secret, encoded);
    }

    /** The text with each span (overlapping ones merged) replaced by one {@value #MASK}. */
    private static String replaceSpans(String text, List<int[]> spans) {
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < spans.size()) {
            int start = spans.get(i)[0];
            int end = spans.get(i)[1];
            for (i++; i < spans.size() && spans.get(i)[0] < end; i++) {
                end = Math.max(end, spans.get(i)[1]);
            }
            out.append(text, copied, start).append(MASK);
            copied = end;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Drivers name the server as {@code host:port}; a host that equals the password is not the password. */
    private static boolean isHostBeforePort(String text, int end) {
        return end + 1 < text.length() && text.charAt(end) == ':' && Character.isDigit(text.charAt(end + 1));
    }

    private static boolean touchesWord(String text, int start, int end) {
        return (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1)))
                || (end < text.length() && Character.isLetterOrDigit(text.charAt(end)));
    }

    private static boolean overlapsAny(List<int[]> spans, int start, int end) {
        for (int[] span : spans) {
            if (start < span[1] && end > span[0]) {
                return true;
            }
        }
        return false;
    }
}
