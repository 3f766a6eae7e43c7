package io.marquee.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(List.of("127.0.0.1", "10.0.0.0/8", "::1", " "));

    private String resolve(String peer, String... forwardedFor) {
        return behindProxies.resolve(peer, List.of(forwardedFor));
    }

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        ClientAddress direct = new ClientAddress(List.of());
        assertThat(direct.resolve("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void anUntrustedPeerCannotNameAnotherClient() {
        assertThat(resolve("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
        assertThat(resolve("11.0.0.1", "198.51.100.1")).isEqualTo("11.0.0.1");
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(resolve("127.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(resolve("10.1.2.3", " 198.51.100.1 ")).isEqualTo("198.51.100.1");
    }

    @Test
    void theRightMostUntrustedEntryOfAChainIsTheClient() {
        assertThat(resolve("127.0.0.1", "203.0.113.66, 198.51.100.1, 10.0.0.5")).isEqualTo("198.51.100.1");
        assertThat(resolve("127.0.0.1", "203.0.113.66, 198.51.100.1", "10.0.0.5"))
                .as("several header lines are one list")
                .isEqualTo("198.51.100.1");
    }

    @Test
    void aChainOfTrustedProxiesOnlyEndsAtItsFirstHop() {
        assertThat(resolve("127.0.0.1", "10.0.0.9, 10.0.0.5")).isEqualTo("10.0.0.9");
    }

    @Test
    void withoutTheHeaderTheTrustedPeerIsTheClient() {
        assertThat(resolve("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(resolve("127.0.0.1", "")).isEqualTo("127.0.0.1");
    }

    @Test
    void malformedEntriesEndTheWalkAtTheLastTrustedHop() {
        assertThat(resolve("127.0.0.1", "garbage")).isEqualTo("127.0.0.1");
        assertThat(resolve("127.0.0.1", "198.51.100.1, unknown")).isEqualTo("127.0.0.1");
        assertThat(resolve("127.0.0.1", "198.51.100.1, 10.0.0.5, evil.example.com"))
                .as("host names are never resolved")
                .isEqualTo("127.0.0.1");
        assertThat(resolve("127.0.0.1", "garbage, 198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(resolve("127.0.0.1", "198.51.100.1,,10.0.0.5")).isEqualTo("10.0.0.5");
        assertThat(resolve("127.0.0.1", "256.1.1.1")).isEqualTo("127.0.0.1");
        assertThat(resolve("127.0.0.1", "010.1.1.1")).as("ambiguous octal").isEqualTo("127.0.0.1");
        assertThat(resolve("127.0.0.1", "1.2.3")).isEqualTo("127.0.0.1");
        assertThat(resolve("127.0.0.1", "fe80::zz")).isEqualTo("127.0.0.1");
    }

    @Test
    void portsBracketsAndZonesAreStripped() {
        assertThat(resolve("127.0.0.1", "198.51.100.1:4711")).isEqualTo("198.51.100.1");
        assertThat(resolve("127.0.0.1", "[2001:db8::1]:443")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(resolve("127.0.0.1", "[2001:db8::1]")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(resolve("127.0.0.1", "fe80::1%eth0")).isEqualTo("fe80:0:0:0:0:0:0:1");
    }

    @Test
    void ipv6AddressesAreCanonical() {
        assertThat(resolve("0:0:0:0:0:0:0:1", "2001:DB8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(resolve("::1", "2001:db8:0:0:0:0:0:1")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(resolve("2001:db8::7")).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(resolve("127.0.0.1", "::ffff:198.51.100.1"))
                .as("IPv4-mapped")
                .isEqualTo("198.51.100.1");
    }

    @Test
    void ipv6RangesCanBeTrusted() {
        ClientAddress v6 = new ClientAddress(List.of("2001:db8::/32"));
        assertThat(v6.resolve("2001:db8:1::5", List.of("2001:db9::1"))).isEqualTo("2001:db9:0:0:0:0:0:1");
        assertThat(v6.resolve("2001:db9::5", List.of("2001:db8::1"))).isEqualTo("2001:db9:0:0:0:0:0:5");
    }

    @Test
    void anUnparseablePeerIsKeptAsItIs() {
        assertThat(resolve("unix-socket", "198.51.100.1")).isEqualTo("unix-socket");
    }

    @Test
    void trustedProxiesMustBeAddressesOrRanges() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("marquee.rate-limit.trusted-proxies: 'proxy.internal' is not an IP address or CIDR range");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/40")))
                .hasMessageContaining("'10.0.0.0/40' is not an IP address or CIDR range");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/x")))
                .hasMessageContaining("'10.0.0.0/x' is not an IP address or CIDR range");
    }
}
