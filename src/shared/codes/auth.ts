/** Codes of sign-in, one-time links and the audit trail (migration 001). */

/** sessions.stage: after the password (pre_auth), then after the second factor (full). */
export const SESSION_STAGES = ['pre_auth', 'full'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

/** invitations.kind: the one-time links an administrator hands over. */
export const LINK_KINDS = ['invite', 'reset'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** audit_log.outcome */
export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** What a WebAuthn challenge was issued for (webauthn_challenges.purpose). */
export const WEBAUTHN_PURPOSES = ['register', 'authenticate'] as const;
export type WebauthnPurpose = (typeof WEBAUTHN_PURPOSES)[number];
