package com.cloudpartner.console.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds bilingual {@link Notice}s from {@code messages*.properties}. */
@Component
public class Notices {

	private final MessageSource messages;

	Notices(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param kind the message keys' middle part: {@code notice.<kind>.title/body/link}
	 * @param requestLocale the language to put first
	 * @param partnerName shown in the message where it has a {@code {0}}
	 */
	public Notice of(String kind, Locale requestLocale, String partnerName) {
		Locale first = Locale.ENGLISH.getLanguage().equals(requestLocale.getLanguage()) ? Locale.ENGLISH
				: Locale.KOREAN;
		Locale second = (first == Locale.ENGLISH) ? Locale.KOREAN : Locale.ENGLISH;
		return new Notice(kind, List.of(line(kind, first, partnerName), line(kind, second, partnerName)));
	}

	private Notice.Line line(String kind, Locale locale, String partnerName) {
		String partner = (partnerName != null && !partnerName.isBlank()) ? partnerName
				: this.messages.getMessage("partner.fallback", null, locale);
		Object[] args = { partner };
		return new Notice.Line(locale.getLanguage(),
				this.messages.getMessage("notice." + kind + ".title", args, locale),
				this.messages.getMessage("notice." + kind + ".body", args, locale),
				this.messages.getMessage("notice.link", args, locale));
	}

}
