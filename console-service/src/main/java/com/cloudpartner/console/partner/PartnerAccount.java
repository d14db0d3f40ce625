package com.cloudpartner.console.partner;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the console needs to know about a partner: how to brand the pages, how long a
 * session lives, and where the partner's own console login page is. Every value is
 * checked here, so that templates and headers can use them as they are.
 *
 * @param accountId the partner account
 * @param displayName the name to show (the branding's, else the account's; may be empty)
 * @param logoUrl an http(s) logo URL, or {@code null}
 * @param primaryColor a CSS hex colour
 * @param sessionTtl the lifetime of a console session
 * @param loginUrl the partner's http(s) page that opens the console, or {@code null}
 * @param suspended whether the operator has suspended the partner
 */
public record PartnerAccount(String accountId, String displayName, String logoUrl, String primaryColor,
		Duration sessionTtl, String loginUrl, boolean suspended) {

	public static final String DEFAULT_COLOR = "#1a56db";

	public static final Duration DEFAULT_TTL = Duration.ofMinutes(30);

	private static final Duration MAX_TTL = Duration.ofHours(24);

	private static final Pattern HEX_COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");

	/** The settings to use while partner-service cannot tell. */
	public static PartnerAccount unknown(String accountId) {
		return new PartnerAccount(accountId, "", null, DEFAULT_COLOR, DEFAULT_TTL, null, false);
	}

	static PartnerAccount of(String accountId, String accountName, String brandName, String logoUrl,
			String primaryColor, Integer ttlMinutes, String loginUrl) {
		return of(accountId, accountName, brandName, logoUrl, primaryColor, ttlMinutes, loginUrl, false);
	}

	static PartnerAccount of(String accountId, String accountName, String brandName, String logoUrl,
			String primaryColor, Integer ttlMinutes, String loginUrl, boolean suspended) {
		String name = (brandName != null && !brandName.isBlank()) ? brandName
				: (accountName != null) ? accountName : "";
		String color = (primaryColor != null && HEX_COLOR.matcher(primaryColor.trim()).matches()) ? primaryColor.trim()
				: DEFAULT_COLOR;
		Duration ttl = (ttlMinutes != null && ttlMinutes > 0) ? Duration.ofMinutes(ttlMinutes) : DEFAULT_TTL;
		if (ttl.compareTo(MAX_TTL) > 0) {
			ttl = MAX_TTL;
		}
		return new PartnerAccount(accountId, name.strip(), webUrl(logoUrl), color, ttl, webUrl(loginUrl), suspended);
	}

	/**
	 * {@code scheme://host[:port]} of the logo, for the Content-Security-Policy, or
	 * {@code null}.
	 */
	public String logoOrigin() {
		if (this.logoUrl == null) {
			return null;
		}
		URI uri = URI.create(this.logoUrl);
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	/**
	 * Only absolute http(s) URLs with a host: no {@code javascript:}, no relative tricks.
	 */
	static String webUrl(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(value.trim());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
					&& uri.getRawUserInfo() == null) {
				return uri.toString();
			}
		}
		catch (Exception ex) {
			// not a URL we show
		}
		return null;
	}

}
