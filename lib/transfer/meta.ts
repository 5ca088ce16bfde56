import 'server-only';
import type { Actor } from '../rules/authz';
import type { ExportMeta } from './tabular/columns';

/** Who exported, when (Beijing time), and with which filters: written beside every export. */
export function exportMeta(options: {
  actor: Actor;
  labels: { exportedBy: string; exportedAt: string; filters: string; none: string; role: string };
  filters: string[];
  now?: Date;
}): ExportMeta {
  const { actor, labels } = options;
  const when = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' }).format(options.now ?? new Date());
  return {
    entries: [
      [labels.exportedBy, `${actor.name} (${labels.role})`],
      [labels.exportedAt, `${when} UTC+8`],
      [labels.filters, options.filters.length ? options.filters.join('; ') : labels.none],
    ],
  };
}
