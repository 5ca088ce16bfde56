import 'server-only';
import nodemailer from 'nodemailer';
import type { MailTransport } from './mail';

/** The transport SMTP_URL names, or null when email is off. */
export function mailTransportFromEnv(env: Record<string, string | undefined> = process.env): MailTransport | null {
  const url = env.SMTP_URL?.trim();
  return url ? nodemailer.createTransport(url) : null;
}
