package com.cloudpartner.partner.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Where callbacks may go (SSRF protection): http(s) URLs without user info or fragment,
 * and only to public addresses. Loopback, link-local (169.254.0.0/16, fe80::/10), private
 * (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), multicast and unspecified (0/8, ::)
 * addresses are refused unless {@code platform.webhooks.allowed-networks} names them,
 * also when carried in an IPv6 address (IPv4-mapped, IPv4-compatible, NAT64); a host that
 * names an IPv4 address in any other form than four decimal numbers is refused. The check
 * is made on the addresses the connection will actually use (see {@link WebhookHttp}).
 */
@Component
public class CallbackAddressPolicy {

	private static final Pattern NUMERIC_HOST = Pattern
		.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");

	private static final Pattern DOTTED_DECIMAL = Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

	private final List<Cidr> allowed;

	CallbackAddressPolicy(WebhookProperties properties) {
		this.allowed = properties.allowedNetworks().stream().map(Cidr::parse).toList();
	}

	/**
	 * Why the URL may not receive callbacks, or empty when it may (or its host does not
	 * resolve now: that is decided at delivery time).
	 */
	public Optional<String> refusal(String url) {
		URI uri;
		try {
			uri = URI.create(url.trim());
		}
		catch (IllegalArgumentException ex) {
			return Optional.of("is not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return Optional.of("must be an http or https URL");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			return Optional.of("must name a host and no user info");
		}
		if (uri.getRawFragment() != null) {
			// a fragment is never sent, and parsers disagree on where the host of
			// "http://a.example#@b.example/" is
			return Optional.of("must have no fragment (#...)");
		}
		if (ambiguousIpv4(uri.getHost())) {
			return Optional.of("names an IPv4 address in a form resolvers read differently (one number, octal, "
					+ "hexadecimal, leading zeros or fewer than four parts): write it as four decimal numbers");
		}
		try {
			return resolve(uri.getHost()).isEmpty() ? Optional.of("resolves to no address") : Optional.empty();
		}
		catch (RefusedAddressException ex) {
			return Optional.of(ex.getMessage());
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The host's addresses, all of them allowed.
	 * @throws RefusedAddressException when one is not allowed
	 * @throws UnknownHostException when the host does not resolve
	 */
	List<InetAddress> resolve(String host) throws UnknownHostException {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		List<InetAddress> addresses = List.of(InetAddress.getAllByName(bare));
		for (InetAddress address : addresses) {
			String reason = forbidden(address);
			if (reason != null && this.allowed.stream().noneMatch((cidr) -> cidr.contains(address))) {
				throw new RefusedAddressException("resolves to " + address.getHostAddress() + ", a " + reason
						+ " address, which callbacks may not reach");
			}
		}
		return addresses;
	}

	/**
	 * A host made of numbers that is not a plain dotted-decimal IPv4 address: resolvers
	 * (inet_aton, browsers, curl) read {@code 2130706433}, {@code 0x7f000001} and
	 * {@code 0177.0.0.1} as 127.0.0.1, while Java reads some of them otherwise or not at
	 * all, so such a host is refused rather than judged by one reading of it.
	 */
	static boolean ambiguousIpv4(String host) {
		return NUMERIC_HOST.matcher(host).matches() && !DOTTED_DECIMAL.matcher(host).matches();
	}

	static String forbidden(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return "loopback";
		}
		if (address.isAnyLocalAddress() || (address instanceof Inet4Address && address.getAddress()[0] == 0)) {
			return "unspecified";
		}
		InetAddress embedded = embeddedIpv4(address);
		if (embedded != null) {
			String reason = forbidden(embedded);
			if (reason != null) {
				return reason;
			}
			if (((Inet6Address) address).isIPv4CompatibleAddress()) {
				// deprecated (RFC 4291), never a callback's public address
				return "IPv4-compatible";
			}
		}
		if (address.isLinkLocalAddress()) {
			return "link-local";
		}
		if (address.isSiteLocalAddress() || carrierGrade(address) || uniqueLocal(address)) {
			return "private";
		}
		if (address.isMulticastAddress()) {
			return "multicast";
		}
		return null;
	}

	/**
	 * The IPv4 address an IPv6 address carries: IPv4-compatible ({@code ::a.b.c.d}) and
	 * NAT64 ({@code 64:ff9b::a.b.c.d}) addresses reach that IPv4 address (IPv4-mapped
	 * ones Java already turns into IPv4).
	 */
	private static InetAddress embeddedIpv4(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return null;
		}
		byte[] b = address.getAddress();
		boolean compatible = true;
		for (int i = 0; i < 12; i++) {
			compatible &= b[i] == 0;
		}
		boolean nat64 = (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b);
		for (int i = 4; i < 12; i++) {
			nat64 &= b[i] == 0;
		}
		if (!compatible && !nat64) {
			return null;
		}
		try {
			return InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16));
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static boolean carrierGrade(InetAddress address) {
		byte[] b = address.getAddress();
		return address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
	}

	private static boolean uniqueLocal(InetAddress address) {
		return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
	}

	/** A refused callback address; the message says why. */
	static class RefusedAddressException extends UnknownHostException {

		RefusedAddressException(String message) {
			super(message);
		}

	}

	/** An address range. */
	record Cidr(byte[] network, int prefix) {

		static Cidr parse(String spec) {
			String[] parts = spec.trim().split("/");
			try {
				byte[] network = InetAddress.getByName(parts[0]).getAddress();
				int prefix = (parts.length > 1) ? Integer.parseInt(parts[1]) : network.length * 8;
				return new Cidr(network, prefix);
			}
			catch (UnknownHostException | NumberFormatException ex) {
				throw new IllegalArgumentException("platform.webhooks.allowed-networks: '" + spec + "' is not a CIDR",
						ex);
			}
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			int full = this.prefix / 8;
			for (int i = 0; i < full; i++) {
				if (bytes[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (bytes[full] & mask) == (this.network[full] & mask);
		}

	}

}
