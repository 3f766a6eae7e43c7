package io.marquee.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The address of the client a request comes from: the peer address, unless the peer is a trusted proxy; then the
 * right-most {@code X-Forwarded-For} entry that is not a trusted proxy itself (every entry left of it may have been
 * written by the client). A malformed entry ends the walk at the last trusted hop, so a client cannot pick its key
 * by sending garbage. Addresses are canonical ({@code ::1} and {@code 0:0:0:0:0:0:0:1} are one client) and host
 * names are never resolved.
 */
final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):\\d{1,5}");
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)](?::\\d{1,5})?");

    private final List<IpAddressMatcher> trusted;

    ClientAddress(List<String> trustedProxies) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String proxy : trustedProxies) {
            if (!proxy.isBlank()) {
                matchers.add(matcher(proxy.strip()));
            }
        }
        this.trusted = List.copyOf(matchers);
    }

    String resolve(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), Collections.list(request.getHeaders(FORWARDED_FOR)));
    }

    String resolve(String remoteAddress, List<String> forwardedFor) {
        InetAddress peer = parse(remoteAddress);
        if (peer == null) {
            return remoteAddress;
        }
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> Collections.addAll(hops, header.split(",", -1)));
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = parse(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        String literal = address.getHostAddress();
        for (IpAddressMatcher matcher : trusted) {
            if (matcher.matches(literal)) {
                return true;
            }
        }
        return false;
    }

    /** An IPv4 or IPv6 literal (optionally bracketed, with a port or a zone), or {@code null}; never a DNS lookup. */
    static @Nullable InetAddress parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String address = text.strip();
        Matcher bracketed = BRACKETED.matcher(address);
        Matcher withPort = IPV4_WITH_PORT.matcher(address);
        if (bracketed.matches()) {
            address = bracketed.group(1);
        } else if (withPort.matches()) {
            address = withPort.group(1);
        }
        int zone = address.indexOf('%');
        if (zone > 0) {
            address = address.substring(0, zone);
        }
        Matcher v4 = IPV4.matcher(address);
        if (v4.matches()) {
            for (int octet = 1; octet <= 4; octet++) {
                String digits = v4.group(octet);
                if (Integer.parseInt(digits) > 255 || (digits.length() > 1 && digits.startsWith("0"))) {
                    return null;
                }
            }
        } else if (!IPV6.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address); // a literal by now: parsed, not looked up
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static IpAddressMatcher matcher(String proxy) {
        int slash = proxy.indexOf('/');
        String address = slash < 0 ? proxy : proxy.substring(0, slash);
        if (parse(address) == null || address.startsWith("[")) {
            throw new IllegalArgumentException(
                    "marquee.rate-limit.trusted-proxies: '" + proxy + "' is not an IP address or CIDR range");
        }
        try {
            return new IpAddressMatcher(proxy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "marquee.rate-limit.trusted-proxies: '" + proxy + "' is not an IP address or CIDR range", e);
        }
    }
}
