/** The tables that can be exported and imported, and their columns (shared by server and tests). */
import type { Column } from '../tabular/columns';
import { auditColumns } from './audit';
import { institutionColumns } from './institutions';
import { metricColumns } from './metrics';
import { projectColumns } from './projects';

export const TABLES = ['projects', 'institutions', 'metrics', 'audit'] as const;
export type Table = (typeof TABLES)[number];

/** The audit trail is written by the portal itself: it is exported, never imported. */
export const IMPORT_TABLES = ['projects', 'institutions', 'metrics'] as const satisfies readonly Table[];
export type ImportTable = (typeof IMPORT_TABLES)[number];

export const tableColumns: Record<Table, Column<never>[]> = {
  projects: projectColumns as Column<never>[],
  institutions: institutionColumns as Column<never>[],
  metrics: metricColumns as Column<never>[],
  audit: auditColumns as Column<never>[],
};
