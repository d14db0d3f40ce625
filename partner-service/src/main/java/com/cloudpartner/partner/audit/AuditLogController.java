package com.cloudpartner.partner.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.partner.paging.PageRequest;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Partners")
class AuditLogController {

	private final AuditLog log;

	AuditLogController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/v1/audit-log")
	@Operation(summary = "The audit log (operator)",
			description = "Approvals, rejections, suspensions, contract changes and e-mail verifications by operators, oldest first.")
	AuditList list(VerifiedToken token,
			@Parameter(description = "a resource name, e.g. accounts/a1 or partnerApplications/{id}",
					example = "accounts/demo-account") @RequestParam(required = false) String target,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		Access.requireOperator(token);
		PageRequest.Page<AuditLog.Entry> page = this.log.list(target, PageRequest.of(pageSize, pageToken));
		return new AuditList(page.items(), page.nextPageToken());
	}

	record AuditList(List<AuditLog.Entry> entries, String nextPageToken) {
	}

}
