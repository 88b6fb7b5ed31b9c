package cn.minzheng.gateway.client;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An address block in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a bare address is a
 * block of one). Plain Java; parsing never asks DNS.
 */
public final class AddressRange {

    private final byte[] network;
    private final int prefixBits;
    private final String text;

    private AddressRange(byte[] network, int prefixBits, String text) {
        this.network = network;
        this.prefixBits = prefixBits;
        this.text = text;
    }

    /** Parses {@code address[/prefix]}; throws {@link IllegalArgumentException} with the offending text. */
    public static AddressRange parse(String cidr) {
        String trimmed = cidr == null ? "" : cidr.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = IpLiteral.parse(addressPart).map(InetAddress::getAddress)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: '" + cidr + "'"));
        int maxBits = bytes.length * 8;
        int bits = maxBits;
        if (slash >= 0) {
            String prefix = trimmed.substring(slash + 1);
            if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > maxBits) {
                throw new IllegalArgumentException("prefix length out of range in '" + cidr + "'");
            }
            bits = Integer.parseInt(prefix);
        }
        return new AddressRange(mask(bytes, bits), bits, trimmed);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        return candidate.length == network.length && java.util.Arrays.equals(mask(candidate, prefixBits), network);
    }

    private static byte[] mask(byte[] address, int bits) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            masked[i] = (byte) (masked[i] & (0xFF << (8 - keep)));
        }
        return masked;
    }

    @Override
    public String toString() {
        return text;
    }

    /** IP literals only: a host name here would mean a DNS lookup on a request path, so it is refused. */
    static final class IpLiteral {

        private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(
                "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
        private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

        private IpLiteral() {
        }

        static Optional<InetAddress> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            boolean v4 = IPV4.matcher(text).matches();
            boolean v6 = !v4 && text.indexOf(':') >= 0 && text.length() <= 45 && IPV6.matcher(text).matches();
            if (!v4 && !v6) {
                return Optional.empty();
            }
            try {
                // a literal (checked above: digits and dots, or hex digits and colons) is converted, never resolved
                return Optional.of(InetAddress.getByName(text));
            } catch (java.net.UnknownHostException e) {
                return Optional.empty();
            }
        }
    }
}
