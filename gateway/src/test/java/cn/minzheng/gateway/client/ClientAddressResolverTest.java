package cn.minzheng.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.gateway.client.ClientAddressResolver.Header;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressResolverTest {

    private static final List<AddressRange> PROXIES = List.of(AddressRange.parse("10.0.0.0/8"), AddressRange.parse("2001:db8::/32"));

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "203.0.113.9 | 198.51.100.1             | 203.0.113.9",   // peer not trusted: header ignored
            "10.1.1.1    | NULL                     | 10.1.1.1",      // trusted peer, no header
            "10.1.1.1    | 198.51.100.1             | 198.51.100.1",
            "10.1.1.1    | 6.6.6.6, 198.51.100.1    | 198.51.100.1",  // what the client wrote on the left is not read
            "10.1.1.1    | 198.51.100.1, 10.2.2.2   | 198.51.100.1",  // past a second trusted proxy
            "10.1.1.1    | 10.3.3.3, 10.2.2.2       | 10.3.3.3",      // all trusted: the farthest
            "10.1.1.1    | 198.51.100.1:4711        | 198.51.100.1",
            "10.1.1.1    | unknown                  | 10.1.1.1",      // unnamed hop: the proxy that wrote it
            "10.1.1.1    | 6.6.6.6, garbage         | 10.1.1.1",
            "10.1.1.1    | evil.example             | 10.1.1.1",      // never a DNS name
            "10.1.1.1    | 2001:db9::1              | 2001:db9:0:0:0:0:0:1",
            "10.1.1.1    | '[2001:db9::1]:80'       | 2001:db9:0:0:0:0:0:1",
    })
    void xForwardedFor(String peer, String header, String expected) throws Exception {
        ClientAddressResolver resolver = new ClientAddressResolver(PROXIES, Header.X_FORWARDED_FOR);
        assertThat(resolver.resolve(InetAddress.getByName(peer), header == null ? List.of() : List.of(header)).getHostAddress())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "Forwarded \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "for=198.51.100.1;proto=https                     | 198.51.100.1",
            "for=6.6.6.6, for=\"198.51.100.1:80\";by=10.0.0.1 | 198.51.100.1",
            "for=\"[2001:db9::7]:4711\"                       | 2001:db9:0:0:0:0:0:7",
            "For=198.51.100.1, for=10.9.9.9                   | 198.51.100.1",
            "for=_hidden                                      | 10.1.1.1",
            "proto=https                                      | 10.1.1.1",
    })
    void forwarded(String header, String expected) throws Exception {
        ClientAddressResolver resolver = new ClientAddressResolver(PROXIES, Header.FORWARDED);
        assertThat(resolver.resolve(InetAddress.getByName("10.1.1.1"), List.of(header)).getHostAddress()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/8, 10.255.1.2, true", "10.0.0.0/8, 11.0.0.1, false", "192.168.1.7, 192.168.1.7, true",
            "192.168.1.7, 192.168.1.8, false", "0.0.0.0/0, 8.8.8.8, true", "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 10.0.0.1, false", "172.16.0.0/12, 172.31.255.255, true", "172.16.0.0/12, 172.32.0.0, false"})
    void ranges(String cidr, String address, boolean contained) throws Exception {
        assertThat(AddressRange.parse(cidr).contains(InetAddress.getByName(address))).isEqualTo(contained);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "proxy.example", "10.0.0.0/33", "10.0.0/8", "2001:db8::/129", "10.0.0.0/-1", "256.1.1.1"})
    void aBlockThatDoesNotParseIsRefusedByName(String cidr) {
        assertThatThrownBy(() -> AddressRange.parse(cidr)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'");
    }

    /** Whatever a client writes, it never names an address while the peer is not a trusted proxy, and never throws. */
    @Property
    void anUntrustedPeerIsAlwaysTheClient(@ForAll String header, @ForAll byte[] peerBytes) throws Exception {
        byte[] address = Arrays.copyOf(peerBytes, 4);
        address[0] = (byte) 203;
        InetAddress peer = InetAddress.getByAddress(address);
        for (Header kind : Header.values()) {
            assertThat(new ClientAddressResolver(PROXIES, kind).resolve(peer, List.of(header))).isEqualTo(peer);
            new ClientAddressResolver(PROXIES, kind).resolve(InetAddress.getByName("10.0.0.1"), List.of(header));
        }
    }
}
