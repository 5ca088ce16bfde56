/**
 * Posts a server action of a running production build the way the browser's
 * form does: the action's id (from the build's manifest) in the Next-Action
 * header, and the form's fields in React's reply encoding (multipart: each form
 * field under the prefix "_1_", then the previous state and a reference to
 * the form data in field "0"). The answer is the action's result inside the
 * React payload; `ok` and `message` are read from it. For scripts and tests
 * that drive the real write path (runAction, the data layer, the audit) from
 * outside a browser.
 */
import fs from 'node:fs';
import path from 'node:path';

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** The id of an exported server action in the current build (`.next`), e.g. `recordMetricAction`. */
export function serverActionId(exportedName: string, buildDir = path.resolve('.next')): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(buildDir, 'server', 'server-reference-manifest.json'), 'utf8')) as Manifest;
  const found = Object.entries(manifest.node).filter(([, entry]) => entry.exportedName === exportedName);
  if (found.length !== 1) throw new Error(`${found.length} server actions named ${exportedName} in the build`);
  return found[0][0];
}

const BOUNDARY = '----portal-action-boundary';

/** The request body and headers of one post of a form action with these fields. */
export function actionRequest(actionId: string, fields: Record<string, string>): { body: string; headers: Record<string, string> } {
  const part = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  // The root ("0") goes last, as the browser sends it: the server resolves it as soon as it arrives.
  const body = [...Object.entries(fields).map(([name, value]) => part(`_1_${name}`, value)), part('0', '[null,"$K1"]'), `--${BOUNDARY}--\r\n`].join('');
  return {
    body,
    headers: {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      accept: 'text/x-component',
      'next-action': actionId,
    },
  };
}

export type ActionAnswer = { status: number; ok: boolean; message: string | null; fieldErrors?: Record<string, string[]> };

/** Reads `ok` and `message` from an action's answer: the row of the payload that holds the result. */
export function readActionAnswer(status: number, payload: string): ActionAnswer {
  const row = payload.split('\n').find((line) => /^[0-9a-f]+:\{"ok":(true|false)/.test(line));
  if (!row) return { status, ok: false, message: null };
  const result = JSON.parse(row.slice(row.indexOf(':') + 1)) as { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };
  return { status, ok: result.ok === true, message: result.message ?? null, ...(result.fieldErrors && { fieldErrors: result.fieldErrors }) };
}

/** Posts the action from `page` (any page the actor may open) with a session cookie. */
export async function postAction(
  baseUrl: string,
  options: { actionId: string; page: string; cookie: string; fields: Record<string, string> },
): Promise<ActionAnswer> {
  const { body, headers } = actionRequest(options.actionId, options.fields);
  const res = await fetch(`${baseUrl}${options.page}`, { method: 'POST', headers: { ...headers, cookie: options.cookie, origin: baseUrl }, body });
  return readActionAnswer(res.status, await res.text());
}
