import 'server-only';

/**
 * Email for notices, through nodemailer when SMTP_URL is set. Without it the
 * portal works as before: notices stay in the inbox, and the inbox and the
 * account page say that email is off. The transport itself is made by
 * ./mail-transport.ts, which only the notice queue loads (pages never load nodemailer).
 */

/** What the notice mailer needs of a transport: nodemailer's, or a test's. */
export type MailTransport = { sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown> };

export const DEFAULT_SENDER = '北京金融科技应用试点监管平台 <noreply@localhost>';

export function emailIsOn(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim());
}

export function mailSender(env: Record<string, string | undefined> = process.env): string {
  return env.SMTP_FROM?.trim() || DEFAULT_SENDER;
}
