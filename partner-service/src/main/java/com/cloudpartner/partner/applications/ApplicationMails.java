package com.cloudpartner.partner.applications;

import com.cloudpartner.partner.accounts.PartnerAccount;
import com.cloudpartner.partner.mail.MailOutbox.Mail;

/** The mails of a decision, in Korean and English. */
final class ApplicationMails {

	private ApplicationMails() {
	}

	static Mail approved(PartnerApplication application, String recipient, PartnerAccount account) {
		return Mail.bilingual("APPLICATION_APPROVED", application.id() + "/" + recipient, recipient, "파트너 신청이 승인되었습니다",
				"Your partner application is approved",
				"파트너 신청이 승인되었습니다.\n파트너 계정: " + account.id() + " (공개 ID " + account.publicId()
						+ ")\n다시 로그인하면 파트너 권한이 있는 토큰을 받습니다. 그 토큰으로 API 자격 증명을 만드세요:\n" + "POST /v1/accounts/"
						+ account.id() + "/credentials",
				"Your partner application is approved.\nPartner account: " + account.id() + " (public id "
						+ account.publicId() + ")\nLog in again to get a token with partner rights, and create "
						+ "an API credential with it:\nPOST /v1/accounts/" + account.id() + "/credentials");
	}

	static Mail rejected(PartnerApplication application, String recipient, String reason) {
		return Mail.bilingual("APPLICATION_REJECTED", application.id() + "/" + recipient, recipient, "파트너 신청 결과 안내",
				"Your partner application was not approved",
				"죄송합니다. 파트너 신청이 승인되지 않았습니다.\n사유: " + reason + "\n내용을 보완하여 다시 신청할 수 있습니다.",
				"We are sorry: your partner application was not approved.\nReason: " + reason
						+ "\nYou may apply again once this is addressed.");
	}

}
