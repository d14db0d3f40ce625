package com.cloudpartner.partner.members;

import com.cloudpartner.partner.mail.MailOutbox.Mail;

/** The members' mails, in Korean and English. */
final class MemberMails {

	private MemberMails() {
	}

	static Mail verification(Member member, String token, String tokenHash, String linkBase) {
		String curl = "curl -X POST " + linkBase + "/v1/members/verify-email -H 'Content-Type: application/json' "
				+ "-d '{\"token\":\"" + token + "\"}'";
		return Mail.bilingual("VERIFY_EMAIL", tokenHash, member.email(), "이메일 주소를 인증해 주세요",
				"Verify your e-mail address",
				member.name() + "님, 가입해 주셔서 감사합니다.\n아래 인증 토큰으로 이메일 주소를 인증하면 로그인할 수 있습니다.\n\n인증 토큰: " + token + "\n\n"
						+ curl + "\n\n이 토큰은 한 번만 쓸 수 있고 곧 만료됩니다.",
				"Hello " + member.name() + ", thank you for signing up.\nVerify your e-mail address with the token "
						+ "below; you can log in afterwards.\n\nVerification token: " + token + "\n\n" + curl
						+ "\n\nThe token works once and expires soon.");
	}

	static Mail loginId(Member member, String requestKey) {
		return Mail.bilingual("FIND_LOGIN_ID", requestKey, member.email(), "로그인 아이디 안내", "Your login id",
				member.name() + "님의 로그인 아이디는 " + member.loginId() + " 입니다.",
				"Hello " + member.name() + ", your login id is " + member.loginId() + ".");
	}

	static Mail passwordReset(Member member, String token, String tokenHash, String linkBase) {
		String curl = "curl -X POST " + linkBase + "/v1/members/password-reset/confirm "
				+ "-H 'Content-Type: application/json' -d '{\"token\":\"" + token + "\",\"newPassword\":\"...\"}'";
		return Mail.bilingual("PASSWORD_RESET", tokenHash, member.email(), "비밀번호 재설정", "Reset your password",
				member.name() + "님, 비밀번호 재설정을 요청하셨습니다.\n재설정 토큰: " + token + "\n\n" + curl
						+ "\n\n요청하지 않으셨다면 이 메일을 무시하세요.",
				"Hello " + member.name() + ", a password reset was requested.\nReset token: " + token + "\n\n" + curl
						+ "\n\nIf you did not ask for it, ignore this mail.");
	}

}
