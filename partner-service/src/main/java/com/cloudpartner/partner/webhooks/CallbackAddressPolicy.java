package com.cloudpartner.partner.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Where callbacks may go (SSRF protection): http(s) URLs only, and only to public
 * addresses. Loopback, link-local (169.254.0.0/16, fe80::/10), private (10/8, 172.16/12,
 * 192.168/16, 100.64/10, fc00::/7), multicast and unspecified addresses are refused
 * unless {@code platform.webhooks.allowed-networks} names them. The check is made on the
 * addresses the connection will actually use (see {@link WebhookHttp}).
 */
@Component
public class CallbackAddressPolicy {

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

	static String forbidden(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return "loopback";
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
		if (address.isAnyLocalAddress()) {
			return "unspecified";
		}
		return null;
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
