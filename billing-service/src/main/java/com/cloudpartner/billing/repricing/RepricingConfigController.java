package com.cloudpartner.billing.repricing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.billing.config.BillingClock;
import com.cloudpartner.billing.config.BillingProperties;
import com.cloudpartner.billing.rating.BillingMonth;
import com.cloudpartner.billing.rating.Repricing;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Repricing", description = "What a partner charges its customers: list or cost, plus an adjustment.")
class RepricingConfigController {

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private static final Pattern PERCENT = Pattern.compile("-?\\d{1,4}(\\.\\d{1,4})?");

	private static final String EXAMPLE = """
			{"rebillingBasis":"DIRECT_CUSTOMER_COST","adjustmentPercent":"15","effectiveMonth":"2026-12",
			"skuGroupOverrides":[{"skuPrefix":"products/office-suite/","rebillingBasis":"COST_AT_LIST",
			"adjustmentPercent":"0"}]}""";

	private final RepricingConfigs configs;

	private final BillingClock clock;

	private final BillingProperties properties;

	RepricingConfigController(RepricingConfigs configs, BillingClock clock, BillingProperties properties) {
		this.configs = configs;
		this.clock = clock;
		this.properties = properties;
	}

	@PutMapping(path = "/v1/accounts/{accountId}/customers/{customerId}/repricing-config",
			consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set a customer's repricing from a month on",
			description = "customerCost = basis x (1 + adjustmentPercent/100), basis = costAtList (COST_AT_LIST) or "
					+ "the partner's cost (DIRECT_CUSTOMER_COST). skuGroupOverrides apply per SKU group; the first "
					+ "matching override wins. effectiveMonth may not lie before the current month.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							examples = @ExampleObject(name = "15% over cost", value = EXAMPLE))))
	ConfigResponse put(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@RequestBody ConfigRequest request) {
		Access.requireAccount(token, accountId);
		RepricingConfigs.Stored config = request.validate();
		YearMonth current = BillingMonth.of(this.clock.instant(), this.properties.zone()).month();
		if (config.effectiveMonth().isBefore(current)) {
			throw ApiProblem.unprocessable("EFFECTIVE_MONTH_IN_PAST",
					"effectiveMonth may not lie before the current month " + current + ".");
		}
		RepricingConfigs.Stored stored = new RepricingConfigs.Stored(config.effectiveMonth(), config.basis(),
				config.adjustmentPercent(), config.overrides(), this.clock.instant());
		this.configs.save(accountId, customerId, stored);
		return ConfigResponse.of(accountId, customerId, stored);
	}

	@GetMapping("/v1/accounts/{accountId}/customers/{customerId}/repricing-config")
	@Operation(summary = "A customer's latest repricing config")
	ConfigResponse get(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId) {
		Access.requireAccountRead(token, accountId);
		return this.configs.latest(accountId, customerId)
			.map((config) -> ConfigResponse.of(accountId, customerId, config))
			.orElseThrow(() -> ApiProblem.notFound("REPRICING_CONFIG_NOT_FOUND",
					"Customer " + customerId + " has no repricing config: it pays list prices."));
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record OverrideBody(List<String> skus, String skuPrefix, String rebillingBasis, String adjustmentPercent) {
	}

	record ConfigRequest(String rebillingBasis, String adjustmentPercent, String effectiveMonth,
			List<OverrideBody> skuGroupOverrides) {

		RepricingConfigs.Stored validate() {
			List<ApiProblem.FieldError> errors = new ArrayList<>();
			Repricing.Basis basis = basis(this.rebillingBasis, "rebillingBasis", errors);
			BigDecimal percent = percent(this.adjustmentPercent, "adjustmentPercent", errors);
			if (this.effectiveMonth == null || !MONTH.matcher(this.effectiveMonth).matches()) {
				errors.add(new ApiProblem.FieldError("effectiveMonth", "must be a month as YYYY-MM"));
			}
			List<Repricing.Override> overrides = new ArrayList<>();
			List<OverrideBody> bodies = (this.skuGroupOverrides != null) ? this.skuGroupOverrides : List.of();
			for (int i = 0; i < bodies.size(); i++) {
				OverrideBody body = bodies.get(i);
				String field = "skuGroupOverrides[" + i + "]";
				if (body == null) {
					errors.add(new ApiProblem.FieldError(field, "must be an object"));
					continue;
				}
				boolean hasSkus = body.skus() != null && !body.skus().isEmpty()
						&& body.skus().stream().allMatch((s) -> s != null && !s.isBlank());
				boolean hasPrefix = body.skuPrefix() != null && !body.skuPrefix().isBlank();
				if (hasSkus == hasPrefix) {
					errors.add(new ApiProblem.FieldError(field, "must name either skus or skuPrefix"));
				}
				Repricing.Basis groupBasis = basis(body.rebillingBasis(), field + ".rebillingBasis", errors);
				BigDecimal groupPercent = percent(body.adjustmentPercent(), field + ".adjustmentPercent", errors);
				overrides.add(new Repricing.Override(hasSkus ? body.skus() : null, hasPrefix ? body.skuPrefix() : null,
						groupBasis, groupPercent));
			}
			if (!errors.isEmpty()) {
				throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
						"The repricing config is invalid.", errors);
			}
			return new RepricingConfigs.Stored(YearMonth.parse(this.effectiveMonth), basis, percent, overrides, null);
		}

		private static Repricing.Basis basis(String value, String field, List<ApiProblem.FieldError> errors) {
			for (Repricing.Basis basis : Repricing.Basis.values()) {
				if (basis.name().equals(value)) {
					return basis;
				}
			}
			errors.add(new ApiProblem.FieldError(field, "must be COST_AT_LIST or DIRECT_CUSTOMER_COST"));
			return null;
		}

		private static BigDecimal percent(String value, String field, List<ApiProblem.FieldError> errors) {
			if (value == null || !PERCENT.matcher(value).matches()
					|| new BigDecimal(value).compareTo(BigDecimal.valueOf(-100)) < 0) {
				errors.add(new ApiProblem.FieldError(field,
						"must be a decimal string of at least -100 (4 integer, 4 fraction digits)"));
				return null;
			}
			return new BigDecimal(value);
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record OverrideResponse(List<String> skus, String skuPrefix, String rebillingBasis, String adjustmentPercent) {
	}

	record ConfigResponse(String name, String rebillingBasis, String adjustmentPercent, String effectiveMonth,
			List<OverrideResponse> skuGroupOverrides, Instant updateTime) {

		static ConfigResponse of(String accountId, String customerId, RepricingConfigs.Stored config) {
			return new ConfigResponse("accounts/" + accountId + "/customers/" + customerId + "/repricingConfig",
					config.basis().name(), config.adjustmentPercent().toPlainString(),
					config.effectiveMonth().toString(),
					config.overrides()
						.stream()
						.map((o) -> new OverrideResponse(o.skus().isEmpty() ? null : o.skus(), o.skuPrefix(),
								o.basis().name(), o.adjustmentPercent().toPlainString()))
						.toList(),
					config.updateTime());
		}

	}

}
