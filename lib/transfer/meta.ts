import 'server-only';
import type { Actor } from '../rules/authz';
import { formatMoment } from '../rules/time';
import type { ExportMeta } from './tabular/columns';

/** Who exported, when, and with which filters: written beside every export, with the zone its times are in. */
export function exportMeta(options: {
  actor: Actor;
  labels: { exportedBy: string; exportedAt: string; filters: string; none: string; role: string; timeZone: string; timeZoneNote: string };
  filters: string[];
  now?: Date;
}): ExportMeta {
  const { actor, labels } = options;
  return {
    entries: [
      [labels.exportedBy, `${actor.name} (${labels.role})`],
      [labels.exportedAt, formatMoment(options.now ?? new Date(), { seconds: true })],
      // Said once per file: every time in it (the export's, the audit trail's) is Beijing time.
      [labels.timeZone, labels.timeZoneNote],
      [labels.filters, options.filters.length ? options.filters.join('; ') : labels.none],
    ],
  };
}
