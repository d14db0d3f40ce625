package com.cloudpartner.console.partnertool.prices;

import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;

import com.cloudpartner.console.partnertool.PartnerToolProperties;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.partnertool.web.Views;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The supply prices: the offers available to the partner, page by page. */
@Controller
@Hidden
class PriceController {

	private static final Pattern PAGE_TOKEN = Pattern.compile("[A-Za-z0-9_=.-]{1,512}");

	private final SupplyPrices prices;

	private final int pageSize;

	PriceController(SupplyPrices prices, PartnerToolProperties properties) {
		this.prices = prices;
		this.pageSize = properties.pageSize();
	}

	@GetMapping(path = "/partner/prices", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView prices(PartnerSession session, @RequestParam(required = false) String pageToken) {
		String token = (pageToken != null && PAGE_TOKEN.matcher(pageToken).matches()) ? pageToken : null;
		SupplyPrices.Contract contract = this.prices.contract(session);
		SupplyPrices.Page page = this.prices.offers(session, this.pageSize, token);
		List<SupplyPrices.Row> rows = page.offers()
			.stream()
			.flatMap((offer) -> SupplyPrices.Row.of(offer, contract.discount()).stream())
			.toList();
		ModelAndView view = Views.page("prices", session);
		view.addObject("contract", contract);
		view.addObject("discount", contract.discount().stripTrailingZeros().toPlainString());
		view.addObject("rows", rows);
		view.addObject("nextPageToken", page.nextPageToken());
		view.addObject("firstPage", token == null);
		return view;
	}

}
