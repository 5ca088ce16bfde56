import { z } from 'zod';
import { FeedbackCategory } from '../generated/prisma/enums';
import { idField, requiredText } from './fields';

/** The longest comment or complaint the public may send. */
export const FEEDBACK_MAX = 2000;

/** Control characters other than tab and line breaks (a paste from a terminal, or an attempt to hide text). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;
/** Markup: plain text only, so anything that reads as a tag is refused rather than stored. */
const MARKUP = /<\s*\/?\s*[a-z!?]/i;

/** Plain text of at most `max` characters: no control characters, no markup. */
const plainText = (max: number, required: boolean) =>
  (required
    ? requiredText(max)
    : z.preprocess((v) => (typeof v === 'string' ? v.trim() : (v ?? '')), z.string({ error: 'invalid' }).max(max, { error: 'tooLong' }))
  )
    .refine((v) => !CONTROL.test(v), { error: 'controlCharacters' })
    .refine((v) => !MARKUP.test(v), { error: 'markup' });

/**
 * What the public sends during a notice. `website` is a honeypot: a field
 * people never see or fill in; a submission with it set is dropped unsaved.
 */
export const publicFeedbackSchema = z.object({
  projectCode: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
    z.string({ error: 'invalid' }).regex(/^[A-Z][A-Z0-9-]{0,39}$/, { error: 'invalid' }),
  ),
  category: z.enum(FeedbackCategory, { error: 'invalid' }),
  body: plainText(FEEDBACK_MAX, true),
  contact: plainText(200, false),
  website: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()),
});
export type PublicFeedbackInput = z.output<typeof publicFeedbackSchema>;

/** A regulator's moderation: publish a summary, mark handled, or hide. */
export const feedbackModerationSchema = z
  .object({
    feedbackId: idField,
    version: idField,
    decision: z.enum(['PUBLISH', 'HANDLE', 'HIDE'], { error: 'invalid' }),
    summary: plainText(500, false),
  })
  .refine((v) => v.decision !== 'PUBLISH' || v.summary !== '', { error: 'required', path: ['summary'] });
export type FeedbackModerationInput = z.output<typeof feedbackModerationSchema>;

/** The lead institution's answer to a complaint. */
export const feedbackAnswerSchema = z.object({
  feedbackId: idField,
  version: idField,
  answer: plainText(FEEDBACK_MAX, true),
});
export type FeedbackAnswerInput = z.output<typeof feedbackAnswerSchema>;
