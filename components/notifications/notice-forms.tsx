'use client';

import { markAllNotificationsReadAction, markNotificationReadAction, saveEmailPreferencesAction } from '@/app/actions/notifications';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxList } from '@/components/forms/inputs';
import type { NotificationKind } from '@/lib/rules/notifications';

/** Marks one notice of the inbox read. Labels come from the server page (the inbox's messages stay on the server). */
export function MarkReadForm({ id, label }: { id: number; label: string }) {
  return (
    <ActionForm action={markNotificationReadAction} submitLabel={label} testId={`mark-read-${id}`} className="flex items-center gap-2">
      <input type="hidden" name="notificationId" value={id} />
    </ActionForm>
  );
}

/** Marks read every notice up to the newest the page showed. */
export function MarkAllReadForm({ upTo, label }: { upTo: number; label: string }) {
  return (
    <ActionForm action={markAllNotificationsReadAction} submitLabel={label} testId="mark-all-read" className="flex items-center gap-2">
      <input type="hidden" name="upTo" value={upTo} />
    </ActionForm>
  );
}

/** Which kinds of notice are also emailed: a checkbox per kind, ticked as saved. */
export function EmailPreferencesForm(props: { options: { kind: NotificationKind; label: string; emailed: boolean }[]; legend: string; submitLabel: string }) {
  return (
    <ActionForm action={saveEmailPreferencesAction} submitLabel={props.submitLabel} testId="email-preferences-form" className="space-y-2">
      <fieldset className="grid gap-1 text-sm sm:grid-cols-2">
        <legend className="mb-1 text-slate-700">{props.legend}</legend>
        {props.options.map((o) => (
          <label key={o.kind} className="flex min-h-8 items-center gap-2">
            <input type="hidden" name="emailKinds" value={`${o.kind}:off`} />
            <CheckboxList name="emailKinds" value={`${o.kind}:on`} initial={o.emailed} />
            {o.label}
          </label>
        ))}
      </fieldset>
    </ActionForm>
  );
}
